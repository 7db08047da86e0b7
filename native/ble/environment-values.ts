/**
 * Decoders for the Environmental Sensing characteristics, per the Bluetooth GATT
 * Specification Supplement: Temperature (0x2A6E) is a little-endian sint16 in
 * 0.01 °C with 0x8000 meaning "value is not known"; Humidity (0x2A6F) is a
 * little-endian uint16 in 0.01 % with 0xFFFF meaning "value is not known".
 */
export function decodeTemperature(value: Uint8Array): number | null {
  if (value.length < 2) return null;
  const raw = (value[0]! | (value[1]! << 8)) << 16 >> 16;
  return raw === -0x8000 ? null : raw / 100;
}

export function decodeHumidity(value: Uint8Array): number | null {
  if (value.length < 2) return null;
  const raw = value[0]! | (value[1]! << 8);
  // The supplement limits humidity to 0-100 %; anything above is a faulty sensor, not a reading.
  return raw === 0xffff || raw > 10_000 ? null : raw / 100;
}

export function encodeTemperature(celsius: number): Uint8Array {
  const raw = Math.round(celsius * 100) & 0xffff;
  return Uint8Array.of(raw & 0xff, raw >> 8);
}

export function encodeHumidity(percent: number): Uint8Array {
  const raw = Math.round(percent * 100) & 0xffff;
  return Uint8Array.of(raw & 0xff, raw >> 8);
}
