import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backoff } from '../../../native/backoff';
import { EnvironmentSource, type EnvironmentReading } from '../../../native/ble/environment-source';
import { decodeHumidity, decodeTemperature, encodeHumidity, encodeTemperature } from '../../../native/ble/environment-values';
import { ENVIRONMENTAL_SENSING, HUMIDITY, NUS_SERVICE, NUS_TX, TEMPERATURE } from '../../../native/ble/gatt-uuids';
import { NusSource } from '../../../native/ble/nus-source';
import type { Outage, SourceLine } from '../../../native/source';
import { FakeBluez } from '../../fixtures/ble/fake-bluez';
import { nmea, until } from './socat-pair';

const bluez = new FakeBluez();
let previousBus: string | undefined;

beforeAll(async () => {
  await bluez.start();
  previousBus = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  process.env.DBUS_SYSTEM_BUS_ADDRESS = bluez.address;
});
afterAll(async () => {
  if (previousBus === undefined) delete process.env.DBUS_SYSTEM_BUS_ADDRESS;
  else process.env.DBUS_SYSTEM_BUS_ADDRESS = previousBus;
  await bluez.stop();
});

describe('Environmental Sensing values (GATT Specification Supplement)', () => {
  it('temperature is sint16 in hundredths of a degree, humidity uint16 in hundredths of a percent', () => {
    expect(decodeTemperature(Uint8Array.of(0x2c, 0x0b))).toBe(28.6);
    expect(decodeTemperature(Uint8Array.of(0x0c, 0xfe))).toBe(-5);
    expect(decodeTemperature(Uint8Array.of(0x00, 0x80))).toBeNull();
    expect(decodeHumidity(Uint8Array.of(0x7c, 0x1f))).toBe(80.6);
    expect(decodeHumidity(Uint8Array.of(0xff, 0xff))).toBeNull();
    for (const t of [-40, -0.01, 0, 21.37, 45.5]) expect(decodeTemperature(encodeTemperature(t))).toBeCloseTo(t, 5);
    for (const h of [0, 33.33, 100]) expect(decodeHumidity(encodeHumidity(h))).toBeCloseTo(h, 5);
  });
});

describe('Bluetooth LE sources through node-ble and a fake BlueZ on a private D-Bus', () => {
  it('NMEA over the Nordic UART Service arrives as whole lines, even when notifications split sentences', async () => {
    const { chars } = bluez.addDevice('C0:FF:EE:00:00:01', 'GPS puck', [
      { uuid: NUS_SERVICE, characteristics: [{ uuid: NUS_TX, flags: ['notify'] }, { uuid: '6e400002-b5a3-f393-e0a9-e50e24dcca9e', flags: ['write'] }] },
    ]);
    const source = new NusSource({ id: 'puck', address: 'C0:FF:EE:00:00:01', discoverMs: 2000 });
    const lines: SourceLine[] = [];
    source.on('line', (l) => lines.push(l));
    await source.start();
    expect(source.state).toBe('open');
    const rmc = nmea('GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W');
    const gga = nmea('GPGGA,123520,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,');
    const wire = Buffer.from(`${rmc}\r\n${gga}\r\n`, 'latin1');
    const tx = chars.get(NUS_TX)!;
    for (let i = 0; i < wire.length; i += 20) {
      tx.set(wire.subarray(i, i + 20)); // default ATT MTU: 20 bytes of payload per notification
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => lines.length >= 2, 5000, 'two NUS lines');
    expect(lines.map((l) => l.line)).toEqual([rmc, gga]);
    expect(lines[0]!.sourceId).toBe('puck');
    await source.stop();
  });

  it('an environment sensor gives temperature and humidity readings; a dropped link is an outage and reconnects', async () => {
    const { device, chars } = bluez.addDevice('C0:FF:EE:00:00:02', 'Cabin sensor', [
      {
        uuid: ENVIRONMENTAL_SENSING,
        characteristics: [
          { uuid: TEMPERATURE, flags: ['read', 'notify'] },
          { uuid: HUMIDITY, flags: ['read'] },
        ],
      },
    ]);
    chars.get(TEMPERATURE)!.value = Buffer.from(encodeTemperature(31.25));
    chars.get(HUMIDITY)!.value = Buffer.from(encodeHumidity(87.5));
    const readings: EnvironmentReading[] = [];
    const outages: Outage[] = [];
    const source = new EnvironmentSource({ id: 'cabin', address: 'C0:FF:EE:00:00:02', onReading: (r) => readings.push(r), pollMs: 100, backoff: new Backoff(50, 200) });
    source.on('outage', (o) => outages.push(o));
    await source.start();
    await until(() => readings.some((r) => r.quantity === 'humidity') && readings.some((r) => r.quantity === 'temperature'), 5000, 'both readings');
    expect(readings.find((r) => r.quantity === 'temperature')).toMatchObject({ value: 31.25, unit: '°C', sensor: 'C0:FF:EE:00:00:02' });
    expect(readings.find((r) => r.quantity === 'humidity')).toMatchObject({ value: 87.5, unit: '%' });

    chars.get(TEMPERATURE)!.set(encodeTemperature(36.8));
    await until(() => readings.some((r) => r.value === 36.8), 5000, 'notified temperature');

    device.drop();
    await until(() => source.state === 'reconnecting', 5000, 'link dropped');
    await until(() => source.state === 'open' && device.connects >= 2, 5000, 'reconnected');
    chars.get(TEMPERATURE)!.set(encodeTemperature(38));
    await until(() => readings.some((r) => r.value === 38), 5000, 'reading after reconnect');
    expect(outages).toHaveLength(1);
    expect(outages[0]!.reason).toMatch(/disconnected/);
    await source.stop();
  });

  it('a device that is not in range is refused with a sentence', async () => {
    const source = new NusSource({ id: 'ghost', address: 'C0:FF:EE:00:00:99', discoverMs: 600 });
    await expect(source.start()).rejects.toThrow(/No Bluetooth device C0:FF:EE:00:00:99 is in range/);
    expect(source.state).toBe('failed');
  });
});

describe('Bluetooth without BlueZ', () => {
  it('a laptop with no reachable BlueZ gets a sentence, and Gangway keeps running', async () => {
    const saved = process.env.DBUS_SYSTEM_BUS_ADDRESS;
    process.env.DBUS_SYSTEM_BUS_ADDRESS = 'unix:path=/nonexistent/gangway-no-bus';
    try {
      const source = new NusSource({ id: 'nobus', address: 'C0:FF:EE:00:00:42', discoverMs: 500 });
      await expect(source.start()).rejects.toThrow(/cannot reach Bluetooth \(BlueZ\)/);
      await new Promise((r) => setTimeout(r, 100)); // a late bus error must not surface as an uncaught exception
    } finally {
      process.env.DBUS_SYSTEM_BUS_ADDRESS = saved;
    }
  });
});
