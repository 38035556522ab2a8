/** The page behind the link in a pledge's emails, in the pledge's language. Doubtful text: `// check`. */
import type { Translations } from './locale.js';

export const CONFIRM_MESSAGES = {
  skipLink: { en: 'Skip to main content', cy: "Neidio i'r prif gynnwys", gd: 'Leum chun a’ phrìomh shusbaint' }, // check gd
  serviceName: { en: 'Local compact', cy: 'Compact lleol', gd: 'Compact ionadail' },
  languageNav: { en: 'Language', cy: 'Iaith', gd: 'Cànan' },
  confirmTitle: { en: 'Confirm your pledge', cy: 'Cadarnhewch eich addewid', gd: 'Dearbhaich do ghealladh' }, // check
  confirmLead: {
    en: 'Confirm that {organisation} wants to sign {compact}. The compact officer then checks the pledge before it is published.',
    cy: 'Cadarnhewch fod {organisation} eisiau llofnodi {compact}. Yna bydd swyddog y compact yn gwirio’r addewid cyn ei chyhoeddi.', // check
    gd: 'Dearbhaich gu bheil {organisation} airson ainm a chur ri {compact}. Sgrùdaidh oifigear a’ chompact an gealladh an uairsin mus tèid fhoillseachadh.', // check
  },
  confirmButton: { en: 'Confirm', cy: 'Cadarnhau', gd: 'Dearbhaich' }, // check
  confirmedTitle: { en: 'Pledge confirmed', cy: 'Addewid wedi’i chadarnhau', gd: 'Gealladh dearbhte' }, // check
  confirmedText: {
    en: 'Thank you. The compact officer will check the pledge from {organisation} and email you when it is decided.',
    cy: 'Diolch. Bydd swyddog y compact yn gwirio’r addewid gan {organisation} ac yn anfon e-bost atoch pan fydd penderfyniad.', // check
    gd: 'Mòran taing. Sgrùdaidh oifigear a’ chompact an gealladh bho {organisation} agus cuiridh iad post-d thugad nuair a thèid co-dhùnadh.', // check
  },
  questionTitle: { en: 'The compact officer has a question', cy: 'Mae gan swyddog y compact gwestiwn', gd: 'Tha ceist aig oifigear a’ chompact' }, // check
  answerLabel: { en: 'Your answer', cy: 'Eich ateb', gd: 'Do fhreagairt' }, // check
  answerButton: { en: 'Send answer', cy: 'Anfon ateb', gd: 'Cuir am freagairt' }, // check
  answerEmpty: { en: 'Enter your answer', cy: 'Rhowch eich ateb', gd: 'Cuir a-steach do fhreagairt' }, // check
  // {max} here and in formTooLong: MAX_ANSWER, the limit the answer is checked against.
  answerLong: { en: 'Your answer must be {max} characters or fewer', cy: 'Rhaid i’ch ateb fod yn {max} nod neu lai', gd: 'Feumaidh am freagairt agad a bhith {max} caractar no nas lugha' }, // check
  errorSummary: { en: 'There is a problem', cy: 'Mae problem wedi codi', gd: 'Tha duilgheadas ann' }, // check gd
  decidedTitle: { en: 'This pledge has been decided', cy: 'Mae penderfyniad wedi’i wneud ar yr addewid hon', gd: 'Chaidh co-dhùnadh a dhèanamh mun ghealladh seo' }, // check
  decidedText: {
    en: 'You have been emailed the outcome. There is nothing more to do here.',
    cy: 'Rydych wedi cael e-bost gyda’r canlyniad. Does dim mwy i’w wneud yma.', // check
    gd: 'Fhuair thu post-d leis a’ bhuil. Chan eil càil a bharrachd ri dhèanamh an-seo.', // check
  },
  duplicateTitle: { en: '{organisation} has already pledged', cy: 'Mae {organisation} eisoes wedi addo', gd: 'Tha {organisation} air gealltainn mu thràth' }, // check
  duplicateText: {
    en: 'Another pledge from {organisation} was confirmed first, or the organisation has already signed {compact}, so this one will not be published. There is nothing more to do. If you think this is wrong, contact the compact officer.',
    cy: 'Cafodd addewid arall gan {organisation} ei chadarnhau yn gyntaf, neu mae’r sefydliad eisoes wedi llofnodi {compact}, felly ni fydd yr un hon yn cael ei chyhoeddi. Does dim mwy i’w wneud. Os ydych chi’n meddwl bod hyn yn anghywir, cysylltwch â swyddog y compact.', // check
    gd: 'Chaidh gealladh eile bho {organisation} a dhearbhadh an toiseach, no chuir a’ bhuidheann a h-ainm ri {compact} mu thràth, mar sin cha tèid am fear seo fhoillseachadh. Chan eil càil a bharrachd ri dhèanamh. Ma tha thu den bheachd gu bheil seo ceàrr, cuir fios gu oifigear a’ chompact.', // check
  },
  expiredTitle: { en: 'This link has expired', cy: 'Mae’r ddolen hon wedi dod i ben', gd: 'Dh’fhalbh an ùine air a’ cheangal seo' }, // check
  expiredText: {
    en: 'The pledge was not confirmed in time, so it will not be published. You can send the pledge again from the compact’s website.',
    cy: 'Ni chafodd yr addewid ei chadarnhau mewn pryd, felly ni fydd yn cael ei chyhoeddi. Gallwch anfon yr addewid eto o wefan y compact.', // check
    gd: 'Cha deach an gealladh a dhearbhadh ann an àm, mar sin cha tèid fhoillseachadh. Faodaidh tu an gealladh a chur a-rithist bho làrach-lìn a’ chompact.', // check
  },
  unknownTitle: { en: 'This link does not work', cy: 'Nid yw’r ddolen hon yn gweithio', gd: 'Chan obraich an ceangal seo' }, // check
  unknownText: {
    en: 'It may have been replaced by a newer link in a later email. Check you copied the whole link.',
    cy: 'Efallai bod dolen fwy newydd mewn e-bost diweddarach wedi cymryd ei lle. Gwiriwch eich bod wedi copïo’r ddolen gyfan.', // check
    gd: 'Dh’fhaodadh gun deach ceangal nas ùire ann am post-d nas fhaide air adhart a chur na àite. Dèan cinnteach gun do rinn thu lethbhreac den cheangal gu lèir.', // check
  },
  // A POST whose body cannot be read (another content type, broken JSON, far too long): the page's
  // own forms never send one.
  formUnreadable: {
    en: 'The form could not be read. Open the link in your email again and use the button on its page.',
    cy: 'Nid oedd modd darllen y ffurflen. Agorwch y ddolen yn eich e-bost eto a defnyddiwch y botwm ar ei thudalen.', // check
    gd: 'Cha b’ urrainn dhuinn am foirm a leughadh. Fosgail an ceangal sa phost-d agad a-rithist is cleachd am putan air an duilleag aige.', // check
  },
  formTooLong: {
    en: 'What you sent is too long. Go back, shorten your answer to {max} characters or fewer and send it again.',
    cy: 'Mae’r hyn a anfonoch yn rhy hir. Ewch yn ôl, byrhewch eich ateb i {max} nod neu lai a’i anfon eto.', // check
    gd: 'Tha na chuir thu ro fhada. Till air ais, giorraich do fhreagairt gu {max} caractar no nas lugha is cuir e a-rithist.', // check
  },
} satisfies Record<string, Translations>;

export type ConfirmMessage = keyof typeof CONFIRM_MESSAGES;
