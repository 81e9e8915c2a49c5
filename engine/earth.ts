// The Earth's size for the map's cell-step distances (no schema here: the browser's page loads it without zod).

/** Mean Earth radius in km, used for the cell-step distances. */
export const EARTH_RADIUS_KM = 6371;
export const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;
