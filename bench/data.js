// The same synthetic data for every library in a bench run: realistic organisation names (with Welsh
// accents and apostrophes), sectors, types and dates, from a seeded generator so runs compare.
const FIRST = ['St John\'s', 'Côr Meibion', 'Tŷ Hafan', 'Riverside', 'North Ayrshire', 'Greenfield', 'Menter Iaith',
  'Age Concern', 'Citizens Advice', 'Carers\' Centre', 'Youth Action', 'Foodbank', 'Mind', 'Women\'s Aid', 'Eglwys Sant Pedr',
  'Community Transport', 'Volunteer Centre', 'Hospice', 'Credit Union', 'Men\'s Shed'];
const PLACE = ['Ayr', 'Troon', 'Prestwick', 'Girvan', 'Maybole', 'Southend', 'Leigh-on-Sea', 'Shoeburyness', 'Aberystwyth',
  'Tregaron', 'Cardigan', 'Lampeter', 'Hamilton', 'Lanark', 'East Kilbride', 'Rutherglen', 'Shrewsbury', 'Oswestry'];
const KIND = ['Community Trust', 'Association', 'Group', 'Project', 'Partnership', 'Network', 'Club', 'Society', 'CIC', 'Forum'];
const VOLUNTARY_TYPES = ['charity', 'community-group', 'faith-group', 'bme-organisation', 'social-enterprise', 'infrastructure', 'other-voluntary'];
const PUBLIC_TYPES = ['local-authority', 'health', 'police', 'fire-rescue', 'other-public'];

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeSignatories(count, seed = 42) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    const isPublic = rnd() < 0.08;
    const year = 2008 + Math.floor(rnd() * 18);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    out.push({
      id: isPublic ? `GB-LAS-${String(i).padStart(5, '0')}` : `GB-CHC-${1000000 + i}`,
      name: `${pick(FIRST)} ${pick(PLACE)} ${pick(KIND)} ${i}`,
      sector: isPublic ? 'public' : 'voluntary',
      type: isPublic ? pick(PUBLIC_TYPES) : pick(VOLUNTARY_TYPES),
      signed: `${year}-${month}-${day}`,
      ...(rnd() < 0.5 ? { url: `https://example.org/org/${i}` } : {}),
    });
  }
  return out;
}

/** The query typed one key at a time in every library. */
export const QUERY = 'community';

/**
 * Rounds per library (BENCH_ROUNDS, default 7): this machine's cores are shared, so one round can be
 * twice another. Every library runs the same number, each round in a freshly loaded page.
 */
export const ROUNDS = Math.max(1, Number.parseInt(process.env.BENCH_ROUNDS ?? '', 10) || 7);

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A whole feed (feed-spec v1) around `count` signatories, the one every library's page fetches. Its
 * compact names its time zone, as every real compact's feed in the samples does.
 */
export function benchFeed(count) {
  return {
    feedVersion: '1.0',
    compact: {
      id: 'bench',
      name: { en: 'The Benchmark Compact', cy: 'Compact y Meincnod' },
      timeZone: 'Europe/London',
      sectors: { voluntary: 'Third sector' },
    },
    signatories: makeSignatories(count),
  };
}
