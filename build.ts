// The entry: `npx tsx build.ts <command>`. A thin shim around main(), which returns the exit code.
import { main } from './src/cli.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  cwd: process.cwd(),
  progressStream: process.stderr,
});
