import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export interface Running {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
}

/** Starts `server/src/main.ts` as `npm start` does, on the embedded default, and waits for health. */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Running> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: dataDir,
      SERVE_APPS: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = setInterval(() => {
      const m = output.match(/Health: +(http:\/\/[^\s]+)\/api\/health/);
      if (m?.[1]) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(m[1]);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, baseUrl };
}

export const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', resolve));
