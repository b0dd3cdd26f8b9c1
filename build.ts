// The entry: `npx tsx build.ts <command>`. A thin shim around main(), which returns the exit code.
import { main } from './src/cli.ts';

// A reader that stops early (`npm run parse … | head`) closes the pipe: the command still finishes its
// work (a build's files are written whole or not at all), it just stops printing. Without a listener the
// broken pipe would end the process with a stack trace.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const writeTo = (stream: NodeJS.WriteStream) => (text: string): void => {
  if (!closed.has(stream)) stream.write(text + '\n');
};

process.exitCode = await main(process.argv.slice(2), {
  stdout: writeTo(process.stdout),
  stderr: writeTo(process.stderr),
  cwd: process.cwd(),
  progressStream: process.stderr,
});
