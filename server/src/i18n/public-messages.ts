/**
 * Every word the public pages, the calendar and the updates feed say, in English, Welsh and Gaelic,
 * and dates in GOV.UK style ("11:59pm on Monday 7 December 2026"). The month and weekday names are
 * the widgets' own (locales/*.xlf), so a page and the widgets on it write dates the same way.
 * Doubtful Welsh or Gaelic is marked `// check`.
 */
import { todayInZone, zonedParts } from 'compact-widgets/feed';
import { format, type Locale, type Translations } from './locale.js';

export const PUBLIC_MESSAGES = {
  // The layout (shared with the admin)
  skipLink: { en: 'Skip to main content', cy: "Neidio i'r prif gynnwys", gd: 'Leum chun a’ phrìomh shusbaint' }, // check gd
  serviceName: { en: 'Local compact', cy: 'Compact lleol', gd: 'Compact ionadail' },
  languageNav: { en: 'Language', cy: 'Iaith', gd: 'Cànan' },
  footerFeeds: { en: 'Open data', cy: 'Data agored', gd: 'Dàta fosgailte' },

  // The compact page
  pageTitle: { en: '{name}', cy: '{name}', gd: '{name}' },
  area: { en: 'Area: {area}', cy: 'Ardal: {area}', gd: 'Sgìre: {area}' },
  adopted: { en: 'Adopted {date}', cy: 'Mabwysiadwyd {date}', gd: 'Air gabhail ris {date}' }, // check gd
  reviewDue: { en: 'Next review due {date}', cy: 'Disgwylir yr adolygiad nesaf {date}', gd: 'Ath-sgrùdadh ri thighinn {date}' }, // check gd
  compactHome: { en: 'The compact’s home page', cy: 'Hafan y compact', gd: 'Duilleag-dhachaigh a’ chompact' },
  compactDocument: { en: 'Read the full compact', cy: "Darllen y compact llawn", gd: 'Leugh an compact slàn' },
  principles: { en: 'Shared principles', cy: "Egwyddorion a rennir", gd: 'Prionnsapalan co-roinnte' },
  commitments: { en: 'What each side commits to', cy: "Ymrwymiadau pob ochr", gd: 'Dè a gheallas gach taobh' }, // check gd
  commitmentsJoint: { en: 'Together', cy: "Gyda'n gilydd", gd: 'Còmhla' },
  signatories: { en: 'Organisations that have signed', cy: 'Sefydliadau sydd wedi llofnodi', gd: 'Buidhnean a chuir an ainm ris' },
  noSignatories: { en: 'No organisations have signed yet.', cy: 'Does dim un sefydliad wedi llofnodi eto.', gd: 'Cha do chuir buidheann sam bith ainm ris fhathast.' },
  columnName: { en: 'Organisation', cy: 'Sefydliad', gd: 'Buidheann' },
  columnSector: { en: 'Sector', cy: 'Sector', gd: 'Roinn' },
  columnType: { en: 'Type', cy: 'Math', gd: 'Seòrsa' },
  columnSigned: { en: 'Date signed', cy: 'Dyddiad llofnodi', gd: 'Ceann-latha an t-soidhnidh' },
  actionPlan: { en: 'Action plan', cy: 'Cynllun gweithredu', gd: 'Plana-gnìomha' },
  actionStatus: { en: 'Status: {status}', cy: 'Statws: {status}', gd: 'Staid: {status}' },
  actionDue: { en: 'Due {date}', cy: 'Erbyn {date}', gd: 'Ri dhèanamh ro {date}' }, // check gd
  latestUpdate: { en: 'Latest update ({date}):', cy: 'Y diweddariad diweddaraf ({date}):', gd: 'An naidheachd as ùire ({date}):' },
  consultations: { en: 'Consultations', cy: 'Ymgynghoriadau', gd: 'Co-chomhairlean' },
  noConsultations: { en: 'There are no consultations at the moment.', cy: 'Does dim ymgynghoriadau ar hyn o bryd.', gd: 'Chan eil co-chomhairle ann an-dràsta.' },
  consultationDates: { en: 'Opens {opens}. Closes {closes}.', cy: 'Yn agor {opens}. Yn cau {closes}.', gd: 'A’ fosgladh {opens}. A’ dùnadh {closes}.' },
  consultationRespond: { en: 'Respond to {title}', cy: 'Ymateb i {title}', gd: 'Freagair {title}' },
  consultationShorter: { en: 'Shorter than the compact’s {weeks} weeks because: {reason}', cy: 'Yn fyrrach na {weeks} wythnos y compact oherwydd: {reason}', gd: 'Nas giorra na {weeks} seachdainean a’ chompact air sgàth: {reason}' }, // check gd
  signUp: { en: 'Sign up to the compact', cy: "Llofnodi'r compact", gd: 'Cuir d’ ainm ris a’ chompact' },
  signUpNoScript: {
    en: 'The sign-up form needs JavaScript. You can also ask the compact officer to add your organisation.',
    cy: "Mae angen JavaScript ar y ffurflen llofnodi. Gallwch hefyd ofyn i swyddog y compact ychwanegu eich sefydliad.",
    gd: 'Feumaidh am foirm JavaScript. ’S urrainn dhut cuideachd iarraidh air oifigear a’ chompact do bhuidheann a chur ris.', // check gd
  },
  contact: { en: 'Contact the compact officer', cy: 'Cysylltu â swyddog y compact', gd: 'Cuir fios gu oifigear a’ chompact' },
  follow: { en: 'Follow this compact', cy: 'Dilyn y compact hwn', gd: 'Lean an compact seo' },
  followCalendar: { en: 'Consultation closing dates (calendar, .ics)', cy: 'Dyddiadau cau ymgynghoriadau (calendr, .ics)', gd: 'Cinn-latha dùnaidh nan co-chomhairlean (mìosachan, .ics)' },
  followUpdates: { en: 'Updates (JSON Feed)', cy: 'Diweddariadau (JSON Feed)', gd: 'Naidheachdan (JSON Feed)' },
  followData: { en: 'The compact’s data (JSON)', cy: 'Data’r compact (JSON)', gd: 'Dàta a’ chompact (JSON)' },
  embed: { en: 'Put this on your website', cy: "Rhoi hwn ar eich gwefan", gd: 'Cuir seo air an làrach-lìn agad' },
  embedHelp: {
    en: 'Paste the address of one of these pages into WordPress, Drupal or another system that supports oEmbed, and it becomes a live embed:',
    cy: "Gludwch gyfeiriad un o'r tudalennau hyn i WordPress, Drupal neu system arall sy'n cefnogi oEmbed, a bydd yn dod yn fewnosodiad byw:",
    gd: 'Cuir seòladh tè dhe na duilleagan seo ann an WordPress, Drupal no siostam eile a chleachdas oEmbed, agus nochdaidh e beò:', // check gd
  },

  embedThis: { en: 'Put this on your website', cy: "Rhoi hwn ar eich gwefan", gd: 'Cuir seo air an làrach-lìn agad' },
  embedByAddress: {
    en: 'In WordPress, Drupal or another system that supports oEmbed, paste this page’s address on a line of its own:',
    cy: "Yn WordPress, Drupal neu system arall sy'n cefnogi oEmbed, gludwch gyfeiriad y dudalen hon ar linell ar ei phen ei hun:",
    gd: 'Ann an WordPress, Drupal no siostam eile a chleachdas oEmbed, cuir seòladh na duilleige seo air loidhne leis fhèin:', // check gd
  },
  embedByIframe: {
    en: 'Where only an iframe can be added, use this code:',
    cy: "Lle mai dim ond iframe y gellir ei ychwanegu, defnyddiwch y cod hwn:",
    gd: 'Far nach gabh ach iframe a chur ris, cleachd an còd seo:', // check gd
  },

  // Widget names (per-widget pages, iframe titles)
  widgetSignatoryList: { en: 'Organisations that have signed {name}', cy: 'Sefydliadau sydd wedi llofnodi {name}', gd: 'Buidhnean a chuir an ainm ri {name}' },
  widgetActionPlan: { en: 'Action plan of {name}', cy: 'Cynllun gweithredu {name}', gd: 'Plana-gnìomha {name}' },
  widgetConsultations: { en: 'Consultations under {name}', cy: 'Ymgynghoriadau o dan {name}', gd: 'Co-chomhairlean fo {name}' },
  widgetPledgeForm: { en: 'Sign up to {name}', cy: 'Llofnodi {name}', gd: 'Cuir d’ ainm ri {name}' },
  widgetBadge: { en: '{org} has signed {name}', cy: 'Mae {org} wedi llofnodi {name}', gd: 'Chuir {org} an ainm ri {name}' },
  backToCompact: { en: 'Back to {name}', cy: 'Yn ôl i {name}', gd: 'Air ais gu {name}' },

  // The badge check page
  verifyCaption: { en: 'Check a pledge badge', cy: 'Gwirio bathodyn addewid', gd: 'Dearbhaich bràiste gealltanais' }, // check gd
  verifyConfirmed: { en: '{org} has signed {name}', cy: 'Mae {org} wedi llofnodi {name}', gd: 'Chuir {org} an ainm ri {name}' },
  verifyConfirmedBody: {
    en: 'This organisation is a current signatory, as published by the compact on this site.',
    cy: "Mae'r sefydliad hwn yn llofnodwr cyfredol, fel y'i cyhoeddwyd gan y compact ar y wefan hon.",
    gd: 'Tha a’ bhuidheann seo air an liosta an-dràsta, mar a dh’fhoillsich an compact air an làrach seo.', // check gd
  },
  verifySigned: { en: 'Signed', cy: 'Llofnodwyd', gd: 'Soidhnichte' },
  verifyIdentifier: { en: 'Identifier', cy: 'Dynodydd', gd: 'Aithnichear' },
  verifyWebsite: { en: 'Website', cy: 'Gwefan', gd: 'Làrach-lìn' },
  verifyPledge: { en: 'Its pledge', cy: 'Ei addewid', gd: 'An gealltanas aice' },
  verifyChampion: { en: 'Compact Champion', cy: 'Hyrwyddwr y Compact', gd: 'Curaidh a’ Chompact' },
  verifyChampionRole: { en: '{name}, {role}', cy: '{name}, {role}', gd: '{name}, {role}' },
  verifyAll: { en: 'See every organisation that has signed', cy: "Gweld pob sefydliad sydd wedi llofnodi", gd: 'Faic gach buidheann a chuir an ainm ris' },

  // Not found
  notFoundTitle: { en: 'Page not found', cy: "Heb ddod o hyd i'r dudalen", gd: 'Cha deach an duilleag a lorg' },
  notFoundBody: { en: 'If you typed the web address, check it is correct.', cy: "Os teipioch chi'r cyfeiriad gwe, gwiriwch ei fod yn gywir.", gd: 'Ma sgrìobh thu an seòladh-lìn, dèan cinnteach gu bheil e ceart.' },
  // An address under a compact's pages asked with another method than GET (a form sent to it):
  // every page there can only be read.
  cannotDoThatTitle: { en: 'You cannot do that on this page', cy: 'Ni allwch wneud hynny ar y dudalen hon', gd: 'Chan urrainn dhut sin a dhèanamh air an duilleag seo' }, // check
  cannotDoThatBody: {
    en: 'This page can only be read. Go to its web address in your browser to see it.',
    cy: 'Dim ond darllen y dudalen hon y gallwch chi ei wneud. Ewch i’w chyfeiriad gwe yn eich porwr i’w gweld.', // check
    gd: 'Chan urrainn dhut ach an duilleag seo a leughadh. Tadhail air an t-seòladh-lìn aice sa bhrabhsair agad gus a faicinn.', // check
  },
  notSignatoryTitle: { en: 'Not a current signatory', cy: 'Ddim yn llofnodwr cyfredol', gd: 'Chan eil e air an liosta an-dràsta' }, // check gd
  notSignatoryBody: {
    en: '{name} does not list an organisation with the identifier {org}. A badge that links here is not confirmed by the compact.',
    cy: "Nid yw {name} yn rhestru sefydliad â'r dynodydd {org}. Nid yw'r compact yn cadarnhau bathodyn sy'n cysylltu â'r dudalen hon.",
    gd: 'Chan eil buidheann leis an aithnichear {org} air liosta {name}. Cha dearbh an compact bràiste a tha a’ ceangal ris an duilleag seo.', // check gd
  },

  // Answers made before any route of ours (http/errors.ts), for every path: plain `{errors}`
  nothingHere: { en: 'Nothing is published at {path}', cy: 'Does dim byd wedi’i gyhoeddi yn {path}', gd: 'Chan eil dad air fhoillseachadh aig {path}' }, // check gd
  methodNotAllowed: {
    en: '{path} does not take {method} requests. It takes {allowed}.',
    cy: 'Nid yw {path} yn derbyn ceisiadau {method}. Mae’n derbyn {allowed}.', // check
    gd: 'Cha ghabh {path} ri iarrtasan {method}. Gabhaidh e ri {allowed}.', // check
  },
  // A method the server has no route for anywhere (RFC 9110's 501): WebDAV's PROPFIND, say.
  methodNotImplemented: {
    en: 'This server does not take {method} requests.',
    cy: 'Nid yw’r gweinydd hwn yn derbyn ceisiadau {method}.', // check
    gd: 'Cha ghabh am frithealaiche seo ri iarrtasan {method}.', // check
  },
  badAddress: {
    en: 'This web address is not valid. If you typed it, check it is correct.',
    cy: "Nid yw'r cyfeiriad gwe hwn yn ddilys. Os teipioch chi ef, gwiriwch ei fod yn gywir.",
    gd: 'Chan eil an seòladh-lìn seo dligheach. Ma sgrìobh thu e, dèan cinnteach gu bheil e ceart.', // check gd
  },
  addressTooLong: {
    en: 'This web address is too long. If you typed it, check it is correct.',
    cy: "Mae'r cyfeiriad gwe hwn yn rhy hir. Os teipioch chi ef, gwiriwch ei fod yn gywir.",
    gd: 'Tha an seòladh-lìn seo ro fhada. Ma sgrìobh thu e, dèan cinnteach gu bheil e ceart.', // check gd
  },

  // Action statuses (the widgets' words)
  'status.not-started': { en: 'Not started', cy: 'Heb ddechrau', gd: 'Gun tòiseachadh' },
  'status.in-progress': { en: 'In progress', cy: 'Ar y gweill', gd: 'A’ dol air adhart' },
  'status.complete': { en: 'Complete', cy: 'Wedi’i gwblhau', gd: 'Deiseil' },
  'status.delayed': { en: 'Delayed', cy: 'Wedi’i oedi', gd: 'Air dàil' },
  'status.cancelled': { en: 'Cancelled', cy: 'Wedi’i ganslo', gd: 'Air a chur dheth' },

  // Sectors and types (the widgets' words, src/i18n/labels.ts)
  'sector.public': { en: 'Public sector', cy: 'Sector cyhoeddus', gd: 'An roinn phoblach' },
  'sector.voluntary': { en: 'Voluntary and community sector', cy: 'Sector gwirfoddol a chymunedol', gd: 'An roinn shaor-thoileach is choimhearsnachd' },
  'type.local-authority': { en: 'Local authority', cy: 'Awdurdod lleol', gd: 'Ùghdarras ionadail' },
  'type.health': { en: 'Health body', cy: 'Corff iechyd', gd: 'Buidheann slàinte' },
  'type.police': { en: 'Police', cy: 'Heddlu', gd: 'Poileas' },
  'type.fire-rescue': { en: 'Fire and rescue', cy: 'Tân ac achub', gd: 'Smàladh is teasairginn' },
  'type.other-public': { en: 'Other public body', cy: 'Corff cyhoeddus arall', gd: 'Buidheann poblach eile' },
  'type.charity': { en: 'Charity', cy: 'Elusen', gd: 'Carthannas' },
  'type.community-group': { en: 'Community group', cy: 'Grŵp cymunedol', gd: 'Buidheann coimhearsnachd' },
  'type.faith-group': { en: 'Faith group', cy: 'Grŵp ffydd', gd: 'Buidheann creideimh' },
  'type.bme-organisation': { en: 'Black and minority ethnic organisation', cy: 'Sefydliad pobl dduon a lleiafrifoedd ethnig', gd: 'Buidheann mhion-chinnidheach' },
  'type.social-enterprise': { en: 'Social enterprise', cy: 'Menter gymdeithasol', gd: 'Iomairt shòisealta' },
  'type.infrastructure': { en: 'Infrastructure organisation', cy: 'Sefydliad seilwaith', gd: 'Buidheann bun-structair' },
  'type.other-voluntary': { en: 'Other voluntary or community organisation', cy: 'Sefydliad gwirfoddol neu gymunedol arall', gd: 'Buidheann saor-thoileach no coimhearsnachd eile' },

  // The calendar (.ics) and the updates feed
  calendarName: { en: '{name}: consultations', cy: '{name}: ymgynghoriadau', gd: '{name}: co-chomhairlean' },
  calendarDescription: {
    en: 'Closing dates of consultations under {name}.',
    cy: 'Dyddiadau cau ymgynghoriadau o dan {name}.',
    gd: 'Cinn-latha dùnaidh nan co-chomhairlean fo {name}.',
  },
  eventSummary: { en: 'Consultation closes: {title}', cy: "Ymgynghoriad yn cau: {title}", gd: 'Co-chomhairle a’ dùnadh: {title}' },
  eventOpened: { en: 'Opened {date}.', cy: 'Agorodd {date}.', gd: 'Dh’fhosgail i {date}.' },
  eventCloses: { en: 'Closes at {time}.', cy: 'Yn cau am {time}.', gd: 'A’ dùnadh aig {time}.' },
  eventConsultedBy: { en: 'Consulting: {owner}.', cy: 'Yn ymgynghori: {owner}.', gd: 'A’ co-chomhairleachadh: {owner}.' }, // check gd
  eventRespond: { en: 'Respond: {url}', cy: 'Ymateb: {url}', gd: 'Freagair: {url}' },
  alarmWeek: { en: 'A week left to respond: {title}', cy: 'Wythnos ar ôl i ymateb: {title}', gd: 'Seachdain air fhàgail airson freagairt: {title}' },
  alarmDay: { en: 'Closes tomorrow: {title}', cy: 'Yn cau yfory: {title}', gd: 'A’ dùnadh a-màireach: {title}' },
  updatesTitle: { en: '{name}: updates', cy: '{name}: diweddariadau', gd: '{name}: naidheachdan' },
  updatesDescription: {
    en: 'New signatories, action plan progress and consultations of {name}.',
    cy: 'Llofnodwyr newydd, cynnydd y cynllun gweithredu ac ymgynghoriadau {name}.',
    gd: 'Buidhnean ùra, adhartas a’ phlana-gnìomha agus co-chomhairlean {name}.',
  },
  itemSigned: { en: '{org} has signed the compact', cy: "Mae {org} wedi llofnodi'r compact", gd: 'Chuir {org} an ainm ris a’ chompact' },
  itemActionUpdate: { en: 'Progress: {action}', cy: 'Cynnydd: {action}', gd: 'Adhartas: {action}' },
  itemConsultationOpened: { en: 'Consultation open: {title}', cy: 'Ymgynghoriad ar agor: {title}', gd: 'Co-chomhairle fosgailte: {title}' },
  itemConsultationOpenedText: { en: 'Open until {closes}.', cy: 'Ar agor tan {closes}.', gd: 'Fosgailte gu {closes}.' },
  itemConsultationClosed: { en: 'Consultation closed: {title}', cy: "Ymgynghoriad wedi cau: {title}", gd: 'Co-chomhairle dùinte: {title}' },
  itemConsultationClosedText: { en: 'Closed {closes}.', cy: 'Caeodd {closes}.', gd: 'Dhùin i {closes}.' },
} satisfies Record<string, Translations>;

export type PublicMessageId = keyof typeof PUBLIC_MESSAGES;

/** A message in `locale`, placeholders filled. */
export function t(locale: Locale, id: PublicMessageId, values: Record<string, string | number> = {}): string {
  return format(PUBLIC_MESSAGES[id], locale, values);
}

/** The language names as their own speakers write them (for the switcher). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', cy: 'Cymraeg', gd: 'Gàidhlig' };

// Dates, as the widgets write them (src/i18n/dates.ts and its translations).

const MONTHS_IN_DATE: Record<Locale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
  gd: ['dhen Fhaoilleach', 'dhen Ghearran', 'dhen Mhàrt', 'dhen Ghiblean', 'dhen Chèitean', 'dhen Ògmhios', 'dhen Iuchar', 'dhen Lùnastal', 'dhen t-Sultain', 'dhen Dàmhair', 'dhen t-Samhain', 'dhen Dùbhlachd'],
};
const WEEKDAYS: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['Sul', 'Llun', 'Mawrth', 'Mercher', 'Iau', 'Gwener', 'Sadwrn'],
  gd: ['DiDòmhnaich', 'DiLuain', 'DiMàirt', 'DiCiadain', 'DiarDaoin', 'DihAoine', 'DiSathairne'],
};

/** "7 December 2026" for a feed Date (`YYYY-MM-DD`); the input itself if it is not one. */
export function formatDate(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS_IN_DATE[locale][Number(match[2]) - 1]} ${match[1]}`;
}

/** "7 December 2026": the day an instant falls on in the time zone. */
export function formatDay(instant: number, timeZone: string, locale: Locale): string {
  return formatDate(todayInZone(instant, timeZone), locale);
}

/** "11:59pm on Monday 7 December 2026" for an instant, read in the compact's time zone. */
export function formatDateTime(instant: number, timeZone: string, locale: Locale): string {
  const p = zonedParts(instant, timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const clock = p.minute === 0 ? String(h12) : `${h12}:${String(p.minute).padStart(2, '0')}`;
  const time =
    p.minute === 0 && p.hour === 12
      ? { en: 'midday', cy: 'canol dydd', gd: 'meadhan-latha' }[locale]
      : p.minute === 0 && p.hour === 0
        ? { en: 'midnight', cy: 'canol nos', gd: 'meadhan-oidhche' }[locale]
        : `${clock}${{ en: p.hour < 12 ? 'am' : 'pm', cy: p.hour < 12 ? 'yb' : 'yh', gd: p.hour < 12 ? 'm' : 'f' }[locale]}`;
  const weekday = WEEKDAYS[locale][p.weekday];
  const date = `${p.day} ${MONTHS_IN_DATE[locale][p.month - 1]} ${p.year}`;
  if (locale === 'cy') return `${time} ddydd ${weekday} ${date}`;
  if (locale === 'gd') return `${time} ${weekday} ${date}`;
  return `${time} on ${weekday} ${date}`;
}
