// Runs the browser tests in WebKit: WebKitGTK's MiniBrowser, driven over classic WebDriver by
// WebKitWebDriver, on a virtual display of its own (Xvfb). The launcher starts both servers when the
// run begins and stops them when it ends, so nothing is left behind and two runs never share one.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

/** Starts Xvfb on the first free display (it says which on the descriptor given to -displayfd). */
async function startXvfb(xvfb) {
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display:\n${stderr}`)));
    child.once('error', reject);
  });
  return { child, display };
}

/** A port nobody listens on now (the driver binds it a moment later). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startDriver(driver, display) {
  const port = await freePort();
  const child = spawn(driver, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DISPLAY: display } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (exited) throw new Error(`WebKitWebDriver exited before it listened on port ${port}:\n${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false);
    if (ready) return { child, port };
    await sleep(100);
  }
  child.kill();
  throw new Error(`WebKitWebDriver did not listen on port ${port} within 10 s:\n${stderr}`);
}

class WebKitLauncher extends WebdriverLauncher {
  constructor({ driver, miniBrowser, xvfb }) {
    super({
      hostname: '127.0.0.1',
      port: 0, // set once the driver listens
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // The launcher speaks classic WebDriver; without this, webdriverio asks for a BiDi session.
        'wdio:enforceWebDriverClassic': true,
        // WebKitWebDriver hands the browser over only when it runs in automation mode.
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      },
    });
    this.paths = { driver, xvfb };
    this.processes = [];
    // One page that runs the test files one after the other. With more, the launcher would run
    // files side by side in iframes of one page, where focus and keys go to one frame at a time.
    this.concurrency = 1;
  }

  async initialize(config, testFiles) {
    await super.initialize({ ...config, concurrency: 1 }, testFiles);
    this.name = 'WebKit';
    const xvfb = await startXvfb(this.paths.xvfb);
    this.processes.push(xvfb.child);
    const driver = await startDriver(this.paths.driver, xvfb.display);
    this.processes.push(driver.child);
    this.options.port = driver.port;
    // Should the run end without stop() (an uncaught error, Ctrl-C), the servers end with it.
    process.once('exit', () => this.processes.forEach((child) => child.kill()));
  }

  async startSession(id, url) {
    await this.ensureManagerInitialized();
    this.sized ??= this.sizeViewport();
    await this.sized;
    return super.startSession(id, url);
  }

  /** The 800 × 600 viewport the other two engines' launcher gives each page: the window is that and the MiniBrowser's toolbar. */
  async sizeViewport() {
    const [width, height] = await this.driver.execute('return [outerWidth - innerWidth, outerHeight - innerHeight]');
    await this.driver.setWindowRect(null, null, 800 + width, 600 + height);
  }

  async stop() {
    await super.stop();
    for (const child of this.processes.reverse()) child.kill();
    this.processes = [];
  }
}

/** The WebKit launcher for web-test-runner.config.mjs, given what findWebKit() found. */
export function webkitLauncher(paths) {
  return new WebKitLauncher(paths);
}
