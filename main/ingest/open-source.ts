import type { SourceSpec } from '../../shared/api/methods/ingest';
import { EnvironmentSource, type EnvironmentReading } from '../../native/ble/environment-source';
import { NusSource } from '../../native/ble/nus-source';
import { TcpSource } from '../../native/net/tcp-source';
import { UdpSource } from '../../native/net/udp-source';
import { SerialSource } from '../../native/serial/serial-source';
import type { LineSource } from '../../native/source';

/** A stable id per physical source, so the same receiver opened twice is one source. */
export function sourceIdFor(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'serial':
      return `serial:${spec.path}`;
    case 'tcp':
      return `tcp:${spec.host}:${spec.port}`;
    case 'udp':
      return `udp:${spec.host ?? '*'}:${spec.port}`;
    case 'ble':
      return `ble:${spec.service}:${spec.address.toUpperCase()}`;
  }
}

/** Builds the native source for a spec; environment sensors hand readings to `onReading`. */
export function createSource(spec: SourceSpec, onReading: (r: EnvironmentReading) => void): LineSource {
  const id = sourceIdFor(spec);
  switch (spec.kind) {
    case 'serial':
      return new SerialSource({ id, path: spec.path, baud: spec.baud });
    case 'tcp':
      return new TcpSource({ id, host: spec.host, port: spec.port });
    case 'udp':
      return new UdpSource({ id, port: spec.port, host: spec.host });
    case 'ble':
      return spec.service === 'nus'
        ? new NusSource({ id, address: spec.address.toUpperCase(), adapter: spec.adapter })
        : new EnvironmentSource({ id, address: spec.address.toUpperCase(), adapter: spec.adapter, onReading });
  }
}
