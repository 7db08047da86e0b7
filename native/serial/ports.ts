import { SerialPort } from 'serialport';
import { z } from 'zod';

export const SerialPortInfo = z.object({
  path: z.string(),
  manufacturer: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  serialNumber: z.string().optional(),
});
export type SerialPortInfo = z.infer<typeof SerialPortInfo>;

/**
 * How we recognise "the same receiver" after it is unplugged: USB vendor, product and
 * serial number survive a replug that moves /dev/ttyUSB0 to /dev/ttyUSB1. A pty or a
 * built-in UART has no USB identity, so its path is all we have.
 */
export type PortIdentity = { kind: 'usb'; vendorId: string; productId: string; serialNumber: string | undefined } | { kind: 'path'; path: string };

function clean(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    manufacturer: clean(p.manufacturer),
    vendorId: clean(p.vendorId),
    productId: clean(p.productId),
    serialNumber: clean(p.serialNumber),
  }));
}

export function identityOf(path: string, ports: readonly SerialPortInfo[]): PortIdentity {
  const info = ports.find((p) => p.path === path);
  if (info?.vendorId && info.productId) return { kind: 'usb', vendorId: info.vendorId, productId: info.productId, serialNumber: info.serialNumber };
  return { kind: 'path', path };
}

/** Where the receiver is now, or undefined while it is unplugged. */
export function findByIdentity(identity: PortIdentity, ports: readonly SerialPortInfo[]): string | undefined {
  if (identity.kind === 'path') return identity.path;
  const match = ports.find(
    (p) => p.vendorId === identity.vendorId && p.productId === identity.productId && (identity.serialNumber === undefined || p.serialNumber === identity.serialNumber),
  );
  return match?.path;
}

export function describeIdentity(identity: PortIdentity): string {
  return identity.kind === 'path' ? identity.path : `USB ${identity.vendorId}:${identity.productId}${identity.serialNumber ? ` #${identity.serialNumber}` : ''}`;
}
