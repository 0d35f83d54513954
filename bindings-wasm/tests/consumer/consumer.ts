// A TypeScript consumer of the package: checked with tsc --noEmit --strict. If the
// declarations degraded to `any`, the @ts-expect-error lines would fail the check.
import {
  Engine,
  EgensagError,
  coreVersion,
  sources,
  type SourceRecords,
  type AppointmentView,
  type BenefitView,
  type CaseView,
  type ErrorCode,
  type Explanation,
  type Notifications,
  type Overview,
  type Policy,
  type Request,
  type Role,
  type ValidationReport,
} from 'egensag';

const policy: Policy = {
  id: 'kk-2026-11',
  kle: { include: [{ pattern: '32.*', from: '2007-12-01' }] },
};

const request: Request = {
  as_of: '2026-11-23',
  subject: { cpr: '0101901234' },
  viewer: { cpr: '0101901234', role: 'self' },
  cases: [
    {
      id: 'S-1',
      source: 'KSD',
      title: 'Sygedagpenge',
      kle: '32.30.04',
      parties: [{ cpr: '0101901234', role: 'primary' }],
      created: '2026-11-02',
      progress: [{ state: 'oplyst', at: '2026-11-05' }],
    },
  ],
};

const engine = new Engine(policy);
const fromText = new Engine(JSON.stringify(policy), null);

const overview: Overview = engine.overview(request);
const role: Role = overview.viewer_role;
const cases: CaseView[] = overview.cases;
const benefits: BenefitView[] = overview.benefits;
const appointments: AppointmentView[] = overview.appointments;
const statusText: string | undefined = cases[0]?.status.text;
const nextPayment: number | null | undefined = benefits[0]?.status.next_payment?.net_ore;
const paidByYear: { year: number; net_ore?: number | null }[] = overview.totals.paid_by_year;
const firstVisit: string | undefined = appointments[0]?.start;

const explanation: Explanation = engine.explain(JSON.stringify(request));
const visible: boolean | undefined = explanation.entries[0]?.visible;
const report: ValidationReport = engine.validate(request);
const valid: boolean = report.valid;
const notifications: Notifications = engine.notifications(overview, engine.overviewJson(request));
const count: number = notifications.notifications.length;
const text: string = fromText.overviewJson(request);
const utf8: Uint8Array = fromText.overviewUtf8(new TextEncoder().encode(JSON.stringify(request)));
const utf8Length: number = utf8.byteLength + text.length;
// @ts-expect-error: the …Utf8 methods take bytes, not text
fromText.overviewUtf8('{}');

try {
  engine.overview('{');
} catch (e) {
  if (e instanceof EgensagError) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    const message: string = e.message;
    const asError: Error = e;
    console.log(code, path, message, asError.name, e.toJSON().code);
  }
}

// @ts-expect-error: the role is a closed set
const badRole: Request['viewer']['role'] = 'king';
// @ts-expect-error: an overview has no such field
overview.unknown_field;
// @ts-expect-error: a request needs a subject
const incomplete: Request = { as_of: '2026-11-23', viewer: { cpr: '0101901234', role: 'self' } };
// @ts-expect-error: the policy must be text or a Policy
new Engine(42);
// @ts-expect-error: amounts are numbers of øre, not strings
const wrongAmount: string = overview.totals.debt_ore;

// Index documents: the records are typed, and their kinds are checked.
const read: SourceRecords = sources('sf1470', '<Sag/>', '2026-11-23', { source: 'KSD' });
const firstCaseId: string | undefined = read.cases?.[0]?.id;
const withRecords: Request = engine.addSources(incomplete as Request, read);
// @ts-expect-error: only the two index kinds are read
sources('sf1490', '<x/>', '2026-11-23');
console.log(firstCaseId, withRecords.as_of);

engine.free();
fromText.free();
console.log(
  coreVersion(),
  role,
  statusText,
  nextPayment,
  paidByYear,
  firstVisit,
  visible,
  valid,
  count,
  text.length,
  utf8Length,
  badRole,
  incomplete,
  wrongAmount,
);
