import { buildSimulatorApp, KENJO_BASE_PATH } from './app';
import { releaseStalled } from './fault-hooks';
import { KenjoSimulator, type Simulator, type SimulatorOptions } from './simulator';

export interface StartSimulatorOptions extends SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningSimulator {
  /** `http://host:port/api/v1`. */
  baseUrl: string;
  simulator: Simulator;
  close(): Promise<void>;
}

/** Starts a Kenjo simulator listening on HTTP; resolves once it accepts connections. */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const sim = new KenjoSimulator(simulatorOptions);
  const app = await buildSimulatorApp(sim);
  await app.listen({ port, host });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    baseUrl: `http://${urlHost}:${boundPort}${KENJO_BASE_PATH}`,
    simulator: sim,
    close: async () => {
      releaseStalled(sim.stalled);
      await app.close();
    },
  };
}
