// The region's capacity as the coordinator reads it: per location and care type (stale and closed marked), per
// municipality, and on a schematic map drawn from the locations' coordinates (no map tiles: nothing is fetched
// from the internet).
import { h, formatDateTime } from './dom.js';
import { CLOSURE_REASONS, label } from './labels.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Table: a row per location, a column per care type of the region. */
export function capacityTable(region, capacity) {
  const careTypes = region.careTypes;
  return h('table', { class: 'capacity', 'data-test': 'capacity-table' },
    h('caption', {}, 'Vrije bedden per locatie en zorgvorm (vrij / vastgehouden)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Locatie'), h('th', { scope: 'col' }, 'Gemeente'),
      careTypes.map((type) => h('th', { scope: 'col', title: type.name }, type.name)))),
    h('tbody', {}, capacity.locations.map((location) => h('tr', {
      class: location.open ? '' : 'closed', 'data-location': location.locationId,
    },
    h('th', { scope: 'row' }, location.name,
      location.open ? null : h('span', { class: 'badge closed' }, `gesloten${location.closedReason ? `: ${label(CLOSURE_REASONS, location.closedReason)}` : ''}`),
      h('div', { class: 'muted small' }, location.providerName)),
    h('td', {}, location.municipality),
    careTypes.map((type) => capacityCell(location, type.code))))));
}

function capacityCell(location, careTypeCode) {
  const figure = location.careTypes.find((entry) => entry.careType === careTypeCode);
  if (!figure) return h('td', { class: 'none' }, h('span', { class: 'sr-only' }, 'niet aangeboden'), '');
  const classes = ['figure', figure.availableBeds > 0 ? 'free' : 'full'];
  if (figure.stale) classes.push('stale');
  return h('td', {
    class: classes.join(' '), 'data-care-type': careTypeCode,
    title: `Bijgewerkt ${formatDateTime(figure.adjustedAt || figure.publishedAt)}`,
  },
  h('strong', { class: 'available' }, String(figure.availableBeds)),
  figure.heldBeds > 0 ? h('span', { class: 'held' }, ` / ${figure.heldBeds} vast`) : null,
  figure.stale ? h('span', { class: 'badge stale' }, 'verouderd') : null);
}

/** Per municipality: free beds per care type, summed over its open locations. */
export function municipalityTable(region, capacity) {
  const rows = new Map();
  for (const location of capacity.locations) {
    const row = rows.get(location.municipality) || { locations: 0, stale: 0, byType: {} };
    row.locations += 1;
    for (const figure of location.careTypes) {
      if (figure.stale) row.stale += 1;
      if (location.open) row.byType[figure.careType] = (row.byType[figure.careType] || 0) + figure.availableBeds;
    }
    rows.set(location.municipality, row);
  }
  return h('table', { class: 'capacity' },
    h('caption', {}, 'Vrije bedden per gemeente (open locaties)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Gemeente'), h('th', { scope: 'col' }, 'Locaties'),
      region.careTypes.map((type) => h('th', { scope: 'col' }, type.name)))),
    h('tbody', {}, [...rows.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([municipality, row]) => h('tr', {},
      h('th', { scope: 'row' }, municipality,
        row.stale > 0 ? h('span', { class: 'badge stale' }, `${row.stale} verouderd`) : null),
      h('td', {}, String(row.locations)),
      region.careTypes.map((type) => h('td', { class: (row.byType[type.code] || 0) > 0 ? 'figure free' : 'figure' },
        row.byType[type.code] === undefined ? '–' : String(row.byType[type.code])))))));
}

/** A schematic map: each location a dot at its coordinates, green with free beds, grey without, ringed if stale. */
export function regionMap(capacity, locations) {
  const placed = locations.filter((location) => location.latitude && location.longitude);
  const figure = document.createElementNS(SVG, 'svg');
  figure.setAttribute('viewBox', '0 0 400 300');
  figure.setAttribute('class', 'region-map');
  figure.setAttribute('role', 'img');
  figure.setAttribute('aria-label', 'Kaart van de locaties met vrije bedden');
  if (placed.length === 0) return figure;
  const lats = placed.map((l) => l.latitude);
  const lons = placed.map((l) => l.longitude);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const x = (lon) => 30 + ((lon - minLon) / Math.max(0.01, maxLon - minLon)) * 340;
  const y = (lat) => 270 - ((lat - minLat) / Math.max(0.01, maxLat - minLat)) * 240;
  for (const location of placed) {
    const view = capacity.locations.find((entry) => entry.locationId === location.id);
    const free = view ? view.careTypes.reduce((sum, entry) => sum + entry.availableBeds, 0) : 0;
    const stale = view ? view.careTypes.some((entry) => entry.stale) : false;
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', x(location.longitude).toFixed(1));
    dot.setAttribute('cy', y(location.latitude).toFixed(1));
    dot.setAttribute('r', String(5 + Math.min(free, 6) * 1.5));
    dot.setAttribute('class', `dot ${!location.open ? 'closed' : free > 0 ? 'free' : 'full'}${stale ? ' stale' : ''}`);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${location.name} (${location.municipality}): ${free} vrij${stale ? ', verouderd' : ''}`
      + `${location.open ? '' : ', gesloten'}`;
    dot.append(title);
    const name = document.createElementNS(SVG, 'text');
    name.setAttribute('x', (x(location.longitude) + 9).toFixed(1));
    name.setAttribute('y', (y(location.latitude) + 4).toFixed(1));
    name.textContent = location.address?.city || location.municipality;
    figure.append(dot, name);
  }
  return figure;
}
