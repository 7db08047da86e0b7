/** 16-bit SIG numbers expand into the Bluetooth Base UUID (Core Spec v5.4, Vol 3, Part B, §2.5.1). */
export function sigUuid(short: number): string {
  return `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}

/** Nordic UART Service: a de-facto serial-over-BLE profile many GPS pucks and AIS dongles use. */
export const NUS_SERVICE = '6e400001-b5a3-f393-e0a9-e50e24dcca9e';
/** NUS TX: the peripheral notifies its outgoing bytes on this characteristic. */
export const NUS_TX = '6e400003-b5a3-f393-e0a9-e50e24dcca9e';

/** Environmental Sensing Service and its Temperature and Humidity characteristics (SIG Assigned Numbers). */
export const ENVIRONMENTAL_SENSING = sigUuid(0x181a);
export const TEMPERATURE = sigUuid(0x2a6e);
export const HUMIDITY = sigUuid(0x2a6f);
