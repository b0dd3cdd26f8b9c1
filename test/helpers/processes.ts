// The processes running now, read from /proc (Linux): for tests that check what a command left running or
// what a browser started.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  cmdline: string;
}

/** Live processes (zombies left out: they hold nothing and are the reaper's to collect), from /proc. */
export function liveProcesses(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = fields[0] ?? '?';
      if (state === 'Z' || state === 'X') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      list.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), state, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return list;
}
