import NodeBle from 'node-ble';
import { GangwayError } from '../../shared/errors';

export type Device = NodeBle.Device;
export type GattCharacteristic = NodeBle.GattCharacteristic;

export interface BleLink {
  device: Device;
  destroy(): void;
}

/**
 * Finds and connects a device through BlueZ's D-Bus API. node-ble talks to the
 * system bus, which dbus-next takes from DBUS_SYSTEM_BUS_ADDRESS when it is set
 * (the tests point it at a private bus with a fake BlueZ).
 */
export async function connectDevice(address: string, options: { adapter?: string | undefined; discoverMs?: number } = {}): Promise<BleLink> {
  // Nothing touches D-Bus until here, so a laptop without BlueZ starts fine and only this fails.
  const { bluetooth, destroy } = NodeBle.createBluetooth();
  // dbus-next reports a bus it cannot reach (no BlueZ, no system bus) as an 'error' event on the
  // bus; unheard, that event would end the whole app. node-ble keeps the bus as `dbus`.
  const bus = (bluetooth as unknown as { dbus: NodeJS.EventEmitter }).dbus;
  const busFailed = new Promise<never>((_, reject) => bus.on('error', reject));
  busFailed.catch(() => undefined);
  try {
    return await Promise.race([busFailed, reach(bluetooth, address, options)]).then((device) => ({ device, destroy }));
  } catch (e) {
    destroy();
    if (e instanceof GangwayError) throw e;
    const msg = (e as Error).message;
    if (/adapters/i.test(msg) || /ENOENT|ECONNREFUSED|org\.bluez/i.test(msg)) {
      throw new GangwayError('DEVICE', `Gangway cannot reach Bluetooth (BlueZ): ${msg}. Check that the bluetooth service runs and the laptop has an adapter.`, undefined, { cause: e });
    }
    if (/timed out/i.test(msg)) throw new GangwayError('DEVICE', `No Bluetooth device ${address} is in range. Wake the device and bring the laptop closer.`, undefined, { cause: e });
    throw new GangwayError('DEVICE', `Gangway could not connect to ${address}: ${msg}`, undefined, { cause: e });
  }
}

/** Adapter, then the device (discovering it if BlueZ does not know it yet), then the link. */
async function reach(bluetooth: NodeBle.Bluetooth, address: string, options: { adapter?: string | undefined; discoverMs?: number }): Promise<Device> {
  const adapter = options.adapter ? await bluetooth.getAdapter(options.adapter) : await bluetooth.defaultAdapter();
  if (!(await adapter.isPowered())) throw new GangwayError('DEVICE', 'Bluetooth is switched off. Switch it on and try again.');
  let device: Device;
  try {
    device = await adapter.getDevice(address);
  } catch {
    if (!(await adapter.isDiscovering())) await adapter.startDiscovery();
    device = await adapter.waitDevice(address, options.discoverMs ?? 20_000, 250);
  }
  await device.connect();
  return device;
}

export async function characteristic(device: Device, service: string, uuid: string): Promise<GattCharacteristic> {
  const gatt = await device.gatt();
  let svc: NodeBle.GattService;
  try {
    svc = await gatt.getPrimaryService(service);
  } catch {
    throw new GangwayError('DEVICE', `The Bluetooth device does not offer the service ${service}. Check that it is the right kind of device.`);
  }
  try {
    return await svc.getCharacteristic(uuid);
  } catch {
    throw new GangwayError('DEVICE', `The Bluetooth device's service ${service} lacks the characteristic ${uuid}.`);
  }
}
