/**
 * What the pledge endpoint says about a field, in the pledge's language. Wording follows the
 * widget's own messages (GOV.UK error-message style), so a person sees the same sentence whether
 * the form or the server caught the mistake. Welsh and Gaelic marked "check" want a native speaker.
 */
import type { Translations } from './locale.js';

export const PLEDGE_MESSAGES = {
  notObject: {
    en: 'Send the pledge as a JSON object',
    cy: 'Anfonwch yr addewid fel gwrthrych JSON',
    gd: 'Cuir an gealladh mar oibseact JSON', // check
  },
  notJson: {
    en: 'The pledge could not be read: it is not valid JSON',
    cy: 'Nid oedd modd darllen yr addewid: nid yw’n JSON dilys',
    gd: 'Cha b’ urrainn dhuinn an gealladh a leughadh: chan e JSON dligheach a th’ ann', // check
  },
  notJsonType: {
    en: 'Send the pledge with Content-Type: application/json',
    cy: 'Anfonwch yr addewid gyda Content-Type: application/json',
    gd: 'Cuir an gealladh le Content-Type: application/json',
  },
  // A Content-Encoding @fastify/compress does not read, or a body it cannot decompress.
  encodingUnknown: {
    en: 'Send the pledge uncompressed: its Content-Encoding is not one this server reads',
    cy: 'Anfonwch yr addewid heb ei gywasgu: nid yw’r gweinydd hwn yn darllen ei Content-Encoding', // check
    gd: 'Cuir an gealladh gun a dhùmhlachadh: cha leugh am frithealaiche seo an Content-Encoding aige', // check
  },
  encodingBroken: {
    en: 'The pledge could not be read: it could not be decompressed as its Content-Encoding says',
    cy: 'Nid oedd modd darllen yr addewid: nid oedd modd ei ddatgywasgu fel y dywed ei Content-Encoding', // check
    gd: 'Cha b’ urrainn dhuinn an gealladh a leughadh: cha b’ urrainn dhuinn a dhì-dhùmhlachadh mar a tha an Content-Encoding aige ag ràdh', // check
  },
  tooLarge: {
    en: 'The pledge is too large: it must be {max} kB or less',
    cy: 'Mae’r addewid yn rhy fawr: rhaid iddo fod yn {max} kB neu lai',
    gd: 'Tha an gealladh ro mhòr: feumaidh e a bhith {max} kB no nas lugha', // check
  },
  unknownCompact: {
    en: 'There is no compact called “{id}” on this server',
    cy: 'Does dim compact o’r enw “{id}” ar y gweinydd hwn',
    gd: 'Chan eil compact leis an ainm “{id}” air an fhrithealaiche seo', // check
  },
  compactMismatch: {
    en: 'This pledge is for a different compact from the address it was sent to',
    cy: 'Mae’r addewid hwn ar gyfer compact gwahanol i’r cyfeiriad yr anfonwyd ef iddo',
    gd: 'Tha an gealladh seo airson compact eile seach an seòladh dhan deach a chur', // check
  },
  keyMissing: {
    en: 'Send an Idempotency-Key header: up to 200 letters, digits and dashes that stay the same when the same pledge is sent again',
    cy: 'Anfonwch bennyn Idempotency-Key: hyd at 200 o lythrennau, digidau a llinellau toriad sy’n aros yr un fath pan anfonir yr un addewid eto',
    gd: 'Cuir bann-cinn Idempotency-Key: suas ri 200 litir, àireamh is tàthan a dh’fhanas mar a tha nuair a thèid an aon ghealladh a chur a-rithist', // check
  },
  keyReused: {
    en: 'This Idempotency-Key was sent before with a different pledge. Use a new key for a new pledge',
    cy: 'Anfonwyd yr Idempotency-Key hwn o’r blaen gydag addewid gwahanol. Defnyddiwch allwedd newydd ar gyfer addewid newydd',
    gd: 'Chaidh an Idempotency-Key seo a chur roimhe le gealladh eile. Cleachd iuchair ùr airson gealladh ùr', // check
  },
  textMalformed: {
    en: 'This contains a character that could not be read: type it again',
    cy: 'Mae nod yma nad oedd modd ei ddarllen: teipiwch ef eto', // check
    gd: 'Tha caractar an seo nach gabh a leughadh: sgrìobh e a-rithist', // check
  },
  orgNameRequired: {
    en: 'Enter the name of your organisation',
    cy: 'Rhowch enw eich sefydliad',
    gd: 'Cuir a-steach ainm na buidhne agad',
  },
  orgNameMax: {
    en: 'Name of your organisation must be {max} characters or fewer',
    cy: 'Rhaid i enw eich sefydliad fod yn {max} nod neu lai',
    gd: 'Feumaidh ainm na buidhne agad a bhith {max} caractar no nas giorra',
  },
  orgIdFormat: {
    en: 'Enter the organisation’s identifier in the correct format, like GB-CHC-1234567, in {max} characters or fewer',
    cy: 'Rhowch ddynodydd y sefydliad yn y fformat cywir, fel GB-CHC-1234567, mewn {max} nod neu lai',
    gd: 'Cuir a-steach aithnichear na buidhne san fhòrmat cheart, mar GB-CHC-1234567, ann an {max} caractar no nas giorra', // check
  },
  sectorRequired: {
    en: 'Select the sector your organisation is part of',
    cy: 'Dewiswch y sector y mae eich sefydliad yn rhan ohono',
    gd: 'Tagh an roinn sa bheil a’ bhuidheann agad',
  },
  typeFormat: {
    en: 'Select the type of organisation',
    cy: 'Dewiswch y math o sefydliad',
    gd: 'Tagh an seòrsa buidhne',
  },
  urlFormat: {
    en: 'Enter a website address in the correct format, like www.example.org',
    cy: 'Rhowch gyfeiriad gwefan yn y fformat cywir, fel www.example.org',
    gd: 'Cuir a-steach seòladh làraich-lìn san fhòrmat cheart, mar www.example.org',
  },
  contactNameRequired: {
    en: 'Enter your full name',
    cy: 'Rhowch eich enw llawn',
    gd: 'Cuir a-steach an t-ainm slàn agad',
  },
  contactNameMax: {
    en: 'Full name must be {max} characters or fewer',
    cy: 'Rhaid i’r enw llawn fod yn {max} nod neu lai',
    gd: 'Feumaidh an t-ainm slàn a bhith {max} caractar no nas giorra',
  },
  emailRequired: {
    en: 'Enter your email address',
    cy: 'Rhowch eich cyfeiriad e-bost',
    gd: 'Cuir a-steach an seòladh puist-d agad',
  },
  emailFormat: {
    en: 'Enter an email address in the correct format, like name@example.com',
    cy: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com',
    gd: 'Cuir a-steach seòladh puist-d san fhòrmat cheart, mar ainm@example.com',
  },
  emailMax: {
    en: 'Email address must be {max} characters or fewer',
    cy: 'Rhaid i’r cyfeiriad e-bost fod yn {max} nod neu lai',
    gd: 'Feumaidh an seòladh puist-d a bhith {max} caractar no nas giorra',
  },
  roleMax: {
    en: 'Your role must be {max} characters or fewer',
    cy: 'Rhaid i’ch rôl fod yn {max} nod neu lai',
    gd: 'Feumaidh an dreuchd agad a bhith {max} caractar no nas giorra',
  },
  championNameRequired: {
    en: 'Enter the name of your Compact Champion, or leave their role empty',
    cy: 'Rhowch enw Hyrwyddwr y Compact, neu gadewch ei rôl yn wag',
    gd: 'Cuir a-steach ainm Curaidh a’ Chompact, no fàg an dreuchd bàn',
  },
  championNameMax: {
    en: 'Champion’s name must be {max} characters or fewer',
    cy: 'Rhaid i enw’r hyrwyddwr fod yn {max} nod neu lai',
    gd: 'Feumaidh ainm a’ churaidh a bhith {max} caractar no nas giorra',
  },
  championRoleMax: {
    en: 'Champion’s role must be {max} characters or fewer',
    cy: 'Rhaid i rôl yr hyrwyddwr fod yn {max} nod neu lai',
    gd: 'Feumaidh dreuchd a’ churaidh a bhith {max} caractar no nas giorra',
  },
  pledgeMax: {
    en: 'Your pledge must be {max} characters or fewer',
    cy: 'Rhaid i’ch addewid fod yn {max} nod neu lai',
    gd: 'Feumaidh an gealladh agad a bhith {max} caractar no nas giorra',
  },
  consentPublish: {
    en: 'Select whether we may publish your organisation’s name',
    cy: 'Dewiswch a gawn ni gyhoeddi enw eich sefydliad',
    gd: 'Tagh am faod sinn ainm na buidhne agad fhoillseachadh', // check
  },
  consentContact: {
    en: 'Select whether we may contact you about the compact',
    cy: 'Dewiswch a gawn ni gysylltu â chi am y compact',
    gd: 'Tagh am faod sinn fios a chur thugad mun chompact', // check
  },
  tooMany: {
    en: 'Too many pledges have been sent from this connection. Try again in {seconds} seconds',
    cy: 'Mae gormod o addewidion wedi’u hanfon o’r cysylltiad hwn. Rhowch gynnig arall ymhen {seconds} eiliad',
    gd: 'Chaidh cus gheallaidhean a chur on cheangal seo. Feuch a-rithist an ceann {seconds} diogan', // check
  },
} satisfies Record<string, Translations>;

export type PledgeMessage = keyof typeof PLEDGE_MESSAGES;
