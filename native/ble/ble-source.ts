import { Backoff } from '../backoff';
import { SourceBase } from '../source';
import { connectDevice, type BleLink } from './bluez';

export interface BleSourceOptions {
  id: string;
  address: string;
  adapter?: string | undefined;
  backoff?: Backoff;
  discoverMs?: number;
}

/**
 * A connected BLE peripheral: connects through BlueZ, subscribes (subclass), and when the
 * link drops (out of range, battery) records the outage and reconnects with back-off.
 */
export abstract class BleSource extends SourceBase {
  readonly kind = 'ble' as const;
  private link: BleLink | undefined;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly backoff: Backoff;

  constructor(
    protected readonly options: BleSourceOptions,
    label: string,
  ) {
    super(options.id, label);
    this.backoff = options.backoff ?? new Backoff(1000, 30_000);
  }

  /** Subscribe to what this kind of device offers; called on every (re)connection. */
  protected abstract subscribe(link: BleLink): Promise<void>;
  /** Undo timers a subclass keeps while connected. */
  protected abstract unsubscribe(): void;

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setState('connecting');
    try {
      await this.connect();
    } catch (e) {
      this.running = false;
      this.setState('failed', (e as Error).message);
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.unsubscribe();
    const link = this.link;
    this.link = undefined;
    if (link) {
      await link.device.disconnect().catch(() => undefined);
      link.destroy();
    }
    this.flushOutage();
    this.setState('closed');
  }

  /** Data arrived: any outage is over. */
  protected heard(): void {
    this.endOutage();
    this.backoff.reset();
  }

  private async connect(): Promise<void> {
    const link = await connectDevice(this.options.address, { adapter: this.options.adapter, discoverMs: this.options.discoverMs ?? 20_000 });
    try {
      await this.subscribe(link);
    } catch (e) {
      await link.device.disconnect().catch(() => undefined);
      link.destroy();
      throw e;
    }
    this.link = link;
    link.device.on('disconnect', () => {
      if (this.link !== link) return;
      this.link = undefined;
      this.unsubscribe();
      link.destroy();
      if (!this.running) return;
      this.beginOutage(`${this.options.address} disconnected`);
      this.setState('reconnecting', 'the Bluetooth link dropped');
      this.retry();
    });
    this.setState('open');
  }

  private retry(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.running) return;
      this.connect().catch((e: Error) => {
        this.problem(e);
        this.retry();
      });
    }, this.backoff.delay());
  }
}
