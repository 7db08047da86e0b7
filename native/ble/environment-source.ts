import { BleSource, type BleSourceOptions } from './ble-source';
import { characteristic, type BleLink, type GattCharacteristic } from './bluez';
import { decodeHumidity, decodeTemperature } from './environment-values';
import { ENVIRONMENTAL_SENSING, HUMIDITY, TEMPERATURE } from './gatt-uuids';

export interface EnvironmentReading {
  sensor: string;
  quantity: 'temperature' | 'humidity';
  value: number;
  unit: '°C' | '%';
  at: number;
}

export interface EnvironmentSourceOptions extends BleSourceOptions {
  onReading: (r: EnvironmentReading) => void;
  /** For sensors that cannot notify, how often to read. */
  pollMs?: number;
}

const QUANTITIES = [
  { uuid: TEMPERATURE, quantity: 'temperature', unit: '°C', decode: decodeTemperature },
  { uuid: HUMIDITY, quantity: 'humidity', unit: '%', decode: decodeHumidity },
] as const;

/**
 * A temperature/humidity sensor (Environmental Sensing Service 0x181A) left in crew
 * quarters or a fish hold. Each value becomes a reading; the ingest manager adds where
 * the ship was. A sensor offers notifications or only reads; both are handled.
 */
export class EnvironmentSource extends BleSource {
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(private readonly env: EnvironmentSourceOptions) {
    super(env, `Bluetooth sensor ${env.address}`);
  }

  protected async subscribe(link: BleLink): Promise<void> {
    const polled: { c: GattCharacteristic; q: (typeof QUANTITIES)[number] }[] = [];
    let found = 0;
    for (const q of QUANTITIES) {
      let c: GattCharacteristic;
      try {
        c = await characteristic(link.device, ENVIRONMENTAL_SENSING, q.uuid);
      } catch {
        continue; // a sensor may measure only one of the two
      }
      found++;
      const flags = await c.getFlags();
      const notifies = flags.includes('notify') || flags.includes('indicate');
      if (notifies) {
        c.on('valuechanged', (buf: Buffer) => this.take(q, buf));
        await c.startNotifications();
      }
      if (flags.includes('read')) {
        this.take(q, await c.readValue());
        if (!notifies) polled.push({ c, q });
      }
    }
    if (found === 0) throw new Error(`${this.env.address} offers neither temperature nor humidity`);
    if (polled.length > 0) {
      this.pollTimer = setInterval(() => {
        for (const { c, q } of polled) c.readValue().then((b) => this.take(q, b), (e: Error) => this.problem(e));
      }, this.env.pollMs ?? 60_000);
    }
  }

  protected unsubscribe(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private take(q: (typeof QUANTITIES)[number], buf: Buffer): void {
    this.heard();
    const value = q.decode(buf);
    if (value === null) return;
    this.env.onReading({ sensor: this.env.address, quantity: q.quantity, value, unit: q.unit, at: Date.now() });
  }
}
