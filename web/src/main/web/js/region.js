// A region's reference data (care types, municipalities, funders) and which regions a user may choose.
import { get } from './api.js';
import { h, fill } from './dom.js';

const cache = new Map();

export function loadRegion(regionId) {
  if (!cache.has(regionId)) {
    cache.set(regionId, get(`/api/v1/regions/${encodeURIComponent(regionId)}`)
      .catch((error) => { cache.delete(regionId); throw error; }));
  }
  return cache.get(regionId);
}

/** The regions on this installation: a coordinator's own, for anyone else all of them. */
export async function regionsOf(session) {
  if (session.regions && session.regions.length > 0) {
    return session.regions;
  }
  const regions = await get('/api/v1/regions');
  return regions.map((region) => region.id);
}

/** Fills a region picker with the regions this user may choose; resolves once it is filled. */
export async function fillRegionPicker(select, session) {
  const ids = await regionsOf(session);
  fill(select, ids.map((id) => h('option', { value: id }, id)));
}
