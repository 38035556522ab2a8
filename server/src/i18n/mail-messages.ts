/**
 * Emails to an organisation's contact, in the pledge's language. Placeholders are filled by `format`.
 * Welsh and Scottish Gaelic were written for this project and should be read by a native speaker
 * before launch (each is marked `// check`).
 */
import type { Translations } from './locale.js';

export const MAIL_MESSAGES = {
  greeting: { en: 'Hello {name},', cy: 'Helo {name},', gd: 'Halò {name},' }, // check
  confirmSubject: {
    en: 'Confirm your pledge to {compact}',
    cy: 'Cadarnhewch eich addewid i {compact}', // check
    gd: 'Dearbhaich do ghealladh do {compact}', // check
  },
  confirmAsked: {
    en: 'You (or someone using your email address) asked for {organisation} to sign {compact}.',
    cy: 'Gofynnoch chi (neu rywun sy’n defnyddio eich cyfeiriad e-bost) i {organisation} lofnodi {compact}.', // check
    gd: 'Dh’iarr thu (no cuideigin a’ cleachdadh do sheòladh puist-d) gun cuir {organisation} ainm ri {compact}.', // check
  },
  confirmHow: {
    en: 'To confirm, open this link and press the Confirm button:',
    cy: 'I gadarnhau, agorwch y ddolen hon a phwyso’r botwm Cadarnhau:', // check
    gd: 'Airson a dhearbhadh, fosgail an ceangal seo agus brùth am putan “Dearbhaich”:', // check
  },
  confirmUntil: {
    en: 'The link works until {date}. If you did not ask for this, ignore this message: nothing will be published.',
    cy: 'Mae’r ddolen yn gweithio tan {date}. Os na wnaethoch chi ofyn am hyn, anwybyddwch y neges hon: ni fydd dim yn cael ei gyhoeddi.', // check
    gd: 'Obraichidh an ceangal gu {date}. Mura do dh’iarr thu seo, leig seachad an teachdaireachd seo: cha tèid dad fhoillseachadh.', // check
  },
  approvedSubject: {
    en: '{organisation} has signed {compact}',
    cy: 'Mae {organisation} wedi llofnodi {compact}', // check
    gd: 'Tha {organisation} air ainm a chur ri {compact}', // check
  },
  approvedBody: {
    en: 'Your pledge has been checked and approved: {organisation} is now a signatory of {compact}.',
    cy: 'Mae eich addewid wedi’i gwirio a’i chymeradwyo: mae {organisation} bellach yn un o lofnodwyr {compact}.', // check
    gd: 'Chaidh do ghealladh a sgrùdadh agus aontachadh: tha {organisation} a-nis am measg luchd-soidhnidh {compact}.', // check
  },
  approvedListed: {
    en: 'It is listed with the compact’s signatories.',
    cy: 'Mae wedi’i restru gyda llofnodwyr y compact.', // check
    gd: 'Tha e air an liosta le luchd-soidhnidh a’ chompact.', // check
  },
  approvedUnlisted: {
    en: 'As you asked, it is not listed publicly.',
    cy: 'Fel y gofynnoch chi, nid yw wedi’i restru’n gyhoeddus.', // check
    gd: 'Mar a dh’iarr thu, chan eil e air liosta phoblach.', // check
  },
  approvedSnippet: {
    en: 'To show that you have signed on your own website, paste this code into a page:',
    cy: 'I ddangos ar eich gwefan eich hun eich bod wedi llofnodi, gludwch y cod hwn i dudalen:', // check
    gd: 'Airson sealltainn air an làrach-lìn agad fhèin gun do chuir thu d’ ainm ris, cuir an còd seo ann an duilleag:', // check
  },
  thanks: { en: 'Thank you.', cy: 'Diolch.', gd: 'Mòran taing.' },
  rejectedSubject: {
    en: 'Your pledge to {compact}',
    cy: 'Eich addewid i {compact}', // check
    gd: 'Do ghealladh do {compact}', // check
  },
  rejectedBody: {
    en: 'We could not accept the pledge from {organisation} to sign {compact}.',
    cy: 'Ni allem dderbyn yr addewid gan {organisation} i lofnodi {compact}.', // check
    gd: 'Cha b’ urrainn dhuinn gabhail ris a’ ghealladh bho {organisation} ainm a chur ri {compact}.', // check
  },
  rejectedReason: { en: 'Reason: {reason}', cy: 'Rheswm: {reason}', gd: 'Adhbhar: {reason}' }, // check
  rejectedAfter: {
    en: 'If you think this is a mistake, reply to this message.',
    cy: 'Os ydych chi’n credu bod hyn yn gamgymeriad, atebwch y neges hon.', // check
    gd: 'Ma tha thu den bheachd gur e mearachd a th’ ann, freagair an teachdaireachd seo.', // check
  },
  infoSubject: {
    en: 'A question about your pledge to {compact}',
    cy: 'Cwestiwn am eich addewid i {compact}', // check
    gd: 'Ceist mu do ghealladh do {compact}', // check
  },
  infoBody: {
    en: 'Before we can approve the pledge from {organisation}, we need to know more:',
    cy: 'Cyn y gallwn gymeradwyo’r addewid gan {organisation}, mae angen i ni wybod mwy:', // check
    gd: 'Mus urrainn dhuinn gealladh {organisation} aontachadh, feumaidh sinn barrachd fios:', // check
  },
  infoHow: {
    en: 'Please answer through this link:',
    cy: 'Atebwch drwy’r ddolen hon, os gwelwch yn dda:', // check
    gd: 'Freagair tron cheangal seo, mas e do thoil e:', // check
  },
} satisfies Record<string, Translations>;

/** The reasons a moderator chooses from when rejecting; free text may add to any of them. */
export const REJECT_REASONS = {
  'not-found': {
    en: 'We could not find the organisation on the register it names.',
    cy: 'Ni allem ddod o hyd i’r sefydliad ar y gofrestr y mae’n ei henwi.', // check
    gd: 'Cha do lorg sinn a’ bhuidheann air a’ chlàr a tha i ag ainmeachadh.', // check
  },
  duplicate: {
    en: 'The organisation has already signed or pledged.',
    cy: 'Mae’r sefydliad eisoes wedi llofnodi neu addo.', // check
    gd: 'Chuir a’ bhuidheann a h-ainm ris no gheall i mu thràth.', // check
  },
  'not-eligible': {
    en: 'The organisation is not one that can sign this compact.',
    cy: 'Nid yw’r sefydliad yn un a all lofnodi’r compact hwn.', // check
    gd: 'Chan e buidheann a th’ ann a dh’fhaodas ainm a chur ris a’ chompact seo.', // check
  },
  unverified: {
    en: 'We could not confirm that the person who applied can act for the organisation.',
    cy: 'Ni allem gadarnhau bod y person a wnaeth gais yn gallu gweithredu ar ran y sefydliad.', // check
    gd: 'Cha b’ urrainn dhuinn dearbhadh gum faod an neach a chuir a-steach obrachadh às leth na buidhne.', // check
  },
  'no-answer': {
    en: 'We asked for more information and did not receive an answer.',
    cy: 'Gofynnon ni am ragor o wybodaeth ac ni chawsom ateb.', // check
    gd: 'Dh’iarr sinn barrachd fiosrachaidh agus cha d’ fhuair sinn freagairt.', // check
  },
  other: {
    en: 'Another reason (see below).',
    cy: 'Rheswm arall (gweler isod).', // check
    gd: 'Adhbhar eile (faic gu h-ìosal).', // check
  },
} satisfies Record<string, Translations>;

export type RejectReason = keyof typeof REJECT_REASONS;
export const REJECT_REASON_CODES = Object.keys(REJECT_REASONS) as RejectReason[];
