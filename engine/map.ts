// The world map: its schema (map-schema.ts) and the lane routing over it (route-lanes.ts), in one import.
export * from './map-schema.ts';
export * from './route-lanes.ts';
