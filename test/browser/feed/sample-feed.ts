/**
 * A complete, valid raw feed (every property of feed-spec.md used at least once, bilingual text),
 * for the feed tests. `sampleFeed()` returns a fresh copy each time so tests may mutate it.
 */
export function sampleFeed(): Record<string, any> {
  return {
    feedVersion: '1.0',
    updated: '2026-11-02T09:30:00Z',
    compact: {
      id: 'gwynedd',
      name: { en: 'The Gwynedd Compact', cy: 'Compact Gwynedd' },
      area: { en: 'Gwynedd', cy: 'Gwynedd' },
      summary: {
        en: 'How public bodies and voluntary organisations in Gwynedd work together.',
        cy: 'Sut mae cyrff cyhoeddus a mudiadau gwirfoddol yng Ngwynedd yn cydweithio.',
      },
      url: 'https://compact.example.gov.uk/',
      document: 'https://compact.example.gov.uk/compact.pdf',
      adopted: '2008-10-01',
      reviewDue: '2027-03-31',
      defaultLanguage: 'cy',
      timeZone: 'Europe/London',
      consultationWeeks: 12,
      sectors: { public: 'Public sector', voluntary: { en: 'Third sector', cy: 'Trydydd sector' } },
      principles: [
        { id: 'respect', title: { en: 'Mutual respect', cy: 'Parch at ein gilydd' }, text: 'We respect each other.' },
        { id: 'openness', title: 'Openness' },
      ],
      commitments: [
        { id: 'p1', by: 'public', text: 'Consult for at least 12 weeks.' },
        { id: 'v1', by: 'voluntary', text: 'Represent the views of service users.' },
        { id: 'j1', by: 'joint', text: { en: 'Review the compact every year.', cy: 'Adolygu’r compact bob blwyddyn.' } },
      ],
      contact: {
        name: 'Compact officer',
        email: 'compact@example.gov.uk',
        phone: '01234 567890',
        url: 'https://compact.example.gov.uk/contact',
      },
    },
    signatories: [
      {
        id: 'GB-LAW-GWN',
        name: { en: 'Gwynedd Council', cy: 'Cyngor Gwynedd' },
        sector: 'public',
        type: 'local-authority',
        signed: '2008-10-01',
        url: 'https://www.example.gov.uk/',
        logo: 'https://www.example.gov.uk/logo.png',
        pledge: 'We will consult early.',
        champion: { name: 'Alex Jones', role: 'Cabinet member' },
      },
      { id: 'GB-CHC-1234567', name: 'Example CVC', sector: 'voluntary', type: 'infrastructure' },
      { id: 'GB-SC-SC012345', name: 'Community Transport', sector: 'voluntary', champion: { name: 'Sam' } },
    ],
    actionPlan: {
      title: { en: 'Action plan 2024–2027', cy: 'Cynllun gweithredu 2024–2027' },
      period: { start: '2024-04-01', end: '2027-03-31' },
      updated: '2026-10-01T12:00:00+01:00',
      aims: [
        {
          id: 'communication',
          title: 'Communication',
          actions: [
            {
              id: 'a1',
              title: 'Publish a communications protocol',
              description: 'So that we all talk to each other.',
              lead: 'GB-LAW-GWN',
              timescale: 'by March 2025',
              due: '2025-03-31',
              status: 'complete',
              progress: 100,
              updates: [{ date: '2025-03-20', text: 'Published.' }],
            },
            {
              id: 'a2',
              title: 'Annual compact week',
              lead: ['GB-LAW-GWN', 'Example CVC'],
              timescale: { en: 'ongoing', cy: 'parhaus' },
              status: 'in-progress',
              progress: 40,
            },
          ],
        },
        {
          id: 'sign-up',
          title: 'Sign-up',
          actions: [{ id: 'a1', title: 'Recruit 50 new signatories', status: 'not-started' }],
        },
      ],
    },
    consultations: [
      {
        id: 'budget-2027',
        title: { en: 'Budget 2027', cy: 'Cyllideb 2027' },
        summary: 'Have your say on next year’s budget.',
        owner: 'GB-LAW-GWN',
        url: 'https://www.example.gov.uk/budget',
        opens: '2026-10-05',
        closes: '2027-01-12T23:59:00+00:00',
      },
      {
        id: 'libraries',
        title: 'Library opening hours',
        owner: 'Gwynedd Council',
        opens: '2026-11-01T09:00:00Z',
        closes: '2026-11-30',
        shorterBecause: 'The contract ends in December.',
      },
    ],
    pledge: {
      endpoint: 'https://compact.example.gov.uk/api/pledges',
      privacyNotice: 'https://compact.example.gov.uk/privacy',
      statement: { en: 'We sign up to the Gwynedd Compact.', cy: 'Rydym yn ymrwymo i Gompact Gwynedd.' },
    },
  };
}

/** The smallest valid feed. */
export function minimalFeed(): Record<string, any> {
  return { feedVersion: '1', compact: { id: 'x', name: 'X' } };
}
