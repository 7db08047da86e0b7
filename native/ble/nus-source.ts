import { LineSplitter } from '../line-splitter';
import { BleSource, type BleSourceOptions } from './ble-source';
import { characteristic, type BleLink } from './bluez';
import { NUS_SERVICE, NUS_TX } from './gatt-uuids';

/**
 * NMEA over the Nordic UART Service: the device notifies its serial output on TX in
 * chunks of up to MTU-3 bytes (20 with the default ATT MTU), split anywhere in a
 * sentence, so lines are reassembled here.
 */
export class NusSource extends BleSource {
  private splitter: LineSplitter | undefined;

  constructor(options: BleSourceOptions) {
    super(options, `Bluetooth UART ${options.address}`);
  }

  protected async subscribe(link: BleLink): Promise<void> {
    const tx = await characteristic(link.device, NUS_SERVICE, NUS_TX);
    const splitter = new LineSplitter((line) => this.emitLine(line));
    this.splitter = splitter;
    tx.on('valuechanged', (buf: Buffer) => {
      this.heard();
      splitter.push(buf.toString('latin1'));
    });
    await tx.startNotifications();
  }

  protected unsubscribe(): void {
    this.splitter?.end();
    this.splitter = undefined;
  }
}
