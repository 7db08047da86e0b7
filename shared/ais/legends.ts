/** Legends gpsd prints beside coded values (`status_text`, `epfd_text`, …), from ITU-R M.1371-5 and gpsd's AIVDM.adoc. */

export const NAV_STATUS = [
  'Under way using engine',
  'At anchor',
  'Not under command',
  'Restricted manoeuverability',
  'Constrained by her draught',
  'Moored',
  'Aground',
  'Engaged in fishing',
  'Under way sailing',
  'Reserved for HSC',
  'Reserved for WIG',
  'Reserved',
  'Reserved',
  'Reserved',
  'Reserved',
  'Not defined',
] as const;

export const EPFD = [
  'Undefined',
  'GPS',
  'GLONASS',
  'Combined GPS/GLONASS',
  'Loran-C',
  'Chayka',
  'Integrated navigation system',
  'Surveyed',
  'Galileo',
] as const;

function repeat(prefix: string, tail: string[]): string[] {
  return tail.map((t) => `${prefix}${t}`);
}
const CATEGORIES = ['all ships of this type', 'Hazardous category A', 'Hazardous category B', 'Hazardous category C', 'Hazardous category D'];
const RESERVED4 = ['Reserved for future use', 'Reserved for future use', 'Reserved for future use', 'Reserved for future use'];

/** Ship and cargo type, ITU-R M.1371-5 Table 53. */
export const SHIP_TYPE: readonly string[] = [
  'Not available',
  ...Array<string>(19).fill('Reserved for future use'),
  ...repeat('Wing in ground (WIG) - ', [...CATEGORIES, ...RESERVED4, 'Reserved for future use']),
  'Fishing',
  'Towing',
  'Towing: length exceeds 200m or breadth exceeds 25m',
  'Dredging or underwater ops',
  'Diving ops',
  'Military ops',
  'Sailing',
  'Pleasure Craft',
  'Reserved',
  'Reserved',
  ...repeat('High speed craft (HSC) - ', [...CATEGORIES, ...RESERVED4, 'No additional information']),
  'Pilot Vessel',
  'Search and Rescue vessel',
  'Tug',
  'Port Tender',
  'Anti-pollution equipment',
  'Law Enforcement',
  'Spare - Local Vessel',
  'Spare - Local Vessel',
  'Medical Transport',
  'Ship according to RR Resolution No. 18',
  ...repeat('Passenger - ', [...CATEGORIES, ...RESERVED4, 'No additional information']),
  ...repeat('Cargo - ', [...CATEGORIES, ...RESERVED4, 'No additional information']),
  ...repeat('Tanker - ', [...CATEGORIES, ...RESERVED4, 'No additional information']),
  ...repeat('Other Type - ', [...CATEGORIES, ...RESERVED4, 'no additional information']),
];

export const STATION_TYPE = [
  'All types of mobiles',
  'Reserved for future use',
  'All types of Class B mobile stations',
  'SAR airborne mobile station',
  'Aid to Navigation station',
  'Class B shipborne mobile station',
  'Regional use and inland waterways',
  'Regional use and inland waterways',
  'Regional use and inland waterways',
  'Regional use and inland waterways',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
] as const;

/** Aid-to-navigation type, ITU-R M.1371-5 Table 74. */
export const NAVAID_TYPE = [
  'Unspecified',
  'Reference point',
  'RACON',
  'Fixed offshore structure',
  'Spare, Reserved for future use.',
  'Light, without sectors',
  'Light, with sectors',
  'Leading Light Front',
  'Leading Light Rear',
  'Beacon, Cardinal N',
  'Beacon, Cardinal E',
  'Beacon, Cardinal S',
  'Beacon, Cardinal W',
  'Beacon, Port hand',
  'Beacon, Starboard hand',
  'Beacon, Preferred Channel port hand',
  'Beacon, Preferred Channel starboard hand',
  'Beacon, Isolated danger',
  'Beacon, Safe water',
  'Beacon, Special mark',
  'Cardinal Mark N',
  'Cardinal Mark E',
  'Cardinal Mark S',
  'Cardinal Mark W',
  'Port hand Mark',
  'Starboard hand Mark',
  'Preferred Channel Port hand',
  'Preferred Channel Starboard hand',
  'Isolated danger',
  'Safe Water',
  'Special Mark',
  'Light Vessel / LANBY / Rigs',
] as const;

/** IMO 289 / IMO 236 met-hydro legends. */
/** gpsd's order (checked against gpsdecode on the gpsd sample): 1 is increasing, 2 decreasing. */
export const TREND = ['steady', 'increasing', 'decreasing', 'N/A'] as const;
export const PRECIPITATION = ['reserved', 'rain', 'thunderstorm', 'freezing rain', 'mixed/ice', 'snow', 'reserved', 'N/A'] as const;
export const ICE = ['no', 'yes', 'reserved', 'N/A'] as const;
export const RACON_STATUS = ['No RACON installed', 'RACON not monitored', 'RACON operational', 'RACON ERROR'] as const;
export const LIGHT_STATUS = ['No light or no monitoring', 'Light ON', 'Light OFF', 'Light ERROR'] as const;
