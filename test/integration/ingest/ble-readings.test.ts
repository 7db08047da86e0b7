import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHumidity, encodeTemperature } from '../../../native/ble/environment-values';
import { ENVIRONMENTAL_SENSING, HUMIDITY, TEMPERATURE } from '../../../native/ble/gatt-uuids';
import { IngestManager } from '../../../main/ingest/manager';
import { SessionPipeline } from '../../../main/ingest/session-pipeline';
import { getSession, openSession } from '../../../main/store/repos/marine-sessions';
import { FakeBluez } from '../../fixtures/ble/fake-bluez';
import { nmea, until } from '../../unit/native/socat-pair';
import { tempStore } from './helpers';

/** An RMC for this instant at a position north and east of Greenwich (degrees → ddmm.mmm). */
function rmcNow(lat: number, lon: number): string {
  const iso = new Date().toISOString();
  const time = iso.slice(11, 19).replace(/:/g, '');
  const date = iso.slice(8, 10) + iso.slice(5, 7) + iso.slice(2, 4);
  const dm = (v: number, w: number) => String(Math.floor(v)).padStart(w, '0') + ((v % 1) * 60).toFixed(3).padStart(6, '0');
  return nmea(`GPRMC,${time},A,${dm(lat, 2)},N,${dm(lon, 3)},E,0.0,0.0,${date},,`);
}

const bluez = new FakeBluez();
let previous: string | undefined;
beforeAll(async () => {
  await bluez.start();
  previous = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  process.env.DBUS_SYSTEM_BUS_ADDRESS = bluez.address;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.DBUS_SYSTEM_BUS_ADDRESS;
  else process.env.DBUS_SYSTEM_BUS_ADDRESS = previous;
  await bluez.stop();
});

describe('crew-quarters sensor readings as evidence', () => {
  it('temperature and humidity are stored with the time, the place the inspector named, and where the ship was', async () => {
    const t = tempStore();
    const manager = new IngestManager(t.store, () => undefined, { maxMs: 50 });
    try {
      // Own position first, as the GPS would give it a moment before.
      const gps = openSession(t.store.db, { id: 'gps', kind: 'serial', label: 'gps' });
      new SessionPipeline(gps, manager.batcher, manager.stats).line(rmcNow(7.75, 98.5), Date.now());

      const { chars } = bluez.addDevice('C0:FF:EE:00:01:01', 'Bunk sensor', [
        { uuid: ENVIRONMENTAL_SENSING, characteristics: [{ uuid: TEMPERATURE, flags: ['read', 'notify'] }, { uuid: HUMIDITY, flags: ['read', 'notify'] }] },
      ]);
      chars.get(TEMPERATURE)!.value = Buffer.from(encodeTemperature(34.5));
      chars.get(HUMIDITY)!.value = Buffer.from(encodeHumidity(91));
      const info = await manager.open({ kind: 'ble', address: 'c0:ff:ee:00:01:01', service: 'environment', place: 'crew quarters aft' });
      expect(info.state).toBe('open');
      chars.get(TEMPERATURE)!.set(encodeTemperature(35.25));
      await until(() => {
        manager.batcher.flush();
        return (t.store.db.prepare('SELECT count(*) AS n FROM sensor_readings').get() as { n: number }).n >= 3;
      }, 5000, 'readings');
      const rows = t.store.db.prepare('SELECT quantity, value, unit, place, sensor, lat, lon, t FROM sensor_readings ORDER BY id').all() as Record<string, unknown>[];
      expect(rows.map((r) => [r.quantity, r.value, r.unit])).toEqual([
        ['temperature', 34.5, '°C'],
        ['humidity', 91, '%'],
        ['temperature', 35.25, '°C'],
      ]);
      for (const r of rows) {
        expect(r).toMatchObject({ place: 'crew quarters aft', sensor: 'C0:FF:EE:00:01:01', lat: 7.75, lon: 98.5 });
        expect(Math.abs((r.t as number) - Date.now())).toBeLessThan(10_000);
      }
      await manager.close(info.id);
      expect(getSession(t.store.db, info.sessionId)!.readings).toBe(3);
    } finally {
      await manager.shutdown();
      t.cleanup();
    }
  });
});
