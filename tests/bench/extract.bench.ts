// Claim extraction throughput: npx tsx tests/bench/extract.bench.ts
// Builds a realistic article (headings, paragraphs, lead-in lists, abbreviations, dosages, references) of 1 MB and
// of 10 MB in each source format, extracts it several times after a warm-up, and checks the targets: at least
// 5 MB/s on one core, and linear growth (10 MB takes at most 12 times as long as 1 MB). Exits 1 if one fails.
// Time is the CPU time of the whole process, every thread and so the garbage collector included: that is what
// the work would take on a single core, and other load on the machine barely changes it. It is averaged over
// the runs, because a single fast run may just have left its garbage collection to the next one. Wall-clock
// times are printed beside it.
import { performance } from 'node:perf_hooks';
import { extractClaims } from '@/lib/extraction/extract-claims';
import type { SourceFormat } from '@/lib/extraction/types';

const MB = 1024 * 1024;
const MIN_MB_PER_SECOND = 5;
const MAX_GROWTH = 12;
const WARM_UP_RUNS = 5;
const ROUNDS = 5;

const SENTENCES = [
  'Dr. Smith gave 1.5 mg daily, e.g. at night, and saw fewer headaches.',
  'Low-dose naltrexone (LDN) is used off-label at 1.5\u00A0mg to 4.5\u00A0mg per day.',
  'It may reduce fatigue, pain, etc. in some patients with fibromyalgia.',
  'A 2019 trial by Jones et al. reported a 30% fall in pain scores vs. placebo (Fig. 2).',
  'LDN blocks opioid receptors for a few hours, which is thought to raise endorphin release.',
  'Vivid dreams are the most common side effect, i.e. about one in ten patients report them.',
  'Patients should always consult their physician before combining LDN with opioid painkillers.',
  'Approx. 5% of adults worldwide live with depression, according to the WHO.',
  'St. John’s wort is sometimes added, although interactions are possible.',
  'The combination is being studied as a potential antidepressant therapy',
];
const HEADINGS = [
  'How LDN works',
  'Does LDN cause side effects?',
  'Dosing:',
  'Who should avoid LDN',
  'Evidence so far',
];
const LEAD_IN = 'Common side effects include:';
const ITEMS = [
  'Vivid dreams.',
  'Headache in the first week.',
  'Insomnia at doses above 4.5 mg.',
  'Mild nausea',
];
const REFERENCES = [
  'Younger J, et al. Pain Med. 2009;10(4):663-672.',
  'The LDN Book. Book by Linda Elsegood.',
];

/** The same article in each format: sections of a heading, two to four paragraphs and a lead-in list. */
function article(format: SourceFormat, size: number): string {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(list: readonly T[]) => list[next(list.length)] as T;
  const parts: string[] = [];
  let length = 0;
  const add = (text: string) => {
    parts.push(text);
    length += Buffer.byteLength(text);
  };
  add(
    format === 'HTML'
      ? '<html><head><title>LDN</title></head><body><nav>Home</nav><article><h1>Low-dose naltrexone</h1>\n'
      : `${format === 'MARKDOWN' ? '# ' : ''}Low-dose naltrexone\n\nMarch 29, 2023\n\n`,
  );
  while (length < size) {
    const heading = pick(HEADINGS);
    const paragraphs = Array.from({ length: 2 + next(3) }, () =>
      Array.from({ length: 3 + next(4) }, () => pick(SENTENCES)).join(' '),
    );
    const items = ITEMS.slice(next(2));
    if (format === 'HTML') {
      add(`<h2>${heading}</h2>\n${paragraphs.map((p) => `<p>${p}</p>\n`).join('')}<p>${LEAD_IN}</p>\n`);
      add(`<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>\n<script>track();</script>\n`);
    } else {
      const marker = format === 'MARKDOWN' ? '- ' : '  • ';
      add(`${format === 'MARKDOWN' ? '## ' : ''}${heading}\n\n${paragraphs.map((p) => `${p}\n\n`).join('')}`);
      add(`${LEAD_IN}\n\n${items.map((i) => `${marker}${i}\n`).join('')}\n`);
    }
  }
  add(
    format === 'HTML'
      ? `<h2>References</h2><ol>${REFERENCES.map((r) => `<li>${r}</li>`).join('')}</ol></article></body></html>`
      : `References\n\n${REFERENCES.map((r) => `1. ${r}\n`).join('')}`,
  );
  return parts.join('');
}

type Sample = { cpu: number[]; wall: number[]; claims: number };

let heapHighWater = 0;

function run(text: string, format: SourceFormat, sample: Sample) {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const extraction = extractClaims({ text, format });
  sample.wall.push(performance.now() - wallStart);
  const used = process.cpuUsage(cpuStart);
  sample.cpu.push((used.user + used.system) / 1000);
  // Sampled while the extraction is still alive, so the figure includes its output.
  heapHighWater = Math.max(heapHighWater, process.memoryUsage().heapUsed);
  sample.claims = extraction.claims.length;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
let failed = false;

for (const format of ['TEXT', 'MARKDOWN', 'HTML'] as const) {
  const sizes = [
    {
      size: 1,
      text: article(format, MB),
      runsPerRound: 2,
      sample: { cpu: [], wall: [], claims: 0 } as Sample,
    },
    {
      size: 10,
      text: article(format, 10 * MB),
      runsPerRound: 1,
      sample: { cpu: [], wall: [], claims: 0 } as Sample,
    },
  ];
  for (let i = 0; i < WARM_UP_RUNS; i++) extractClaims({ text: sizes[0]?.text ?? '', format });
  // The sizes take turns, so that a change in the machine's other load affects both alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const { text, runsPerRound, sample } of sizes) {
      for (let i = 0; i < runsPerRound; i++) run(text, format, sample);
    }
  }
  for (const { size, text, sample } of sizes) {
    const cpu = mean(sample.cpu);
    const rate = Buffer.byteLength(text) / MB / (cpu / 1000);
    const ok = rate >= MIN_MB_PER_SECOND;
    failed ||= !ok;
    console.log(
      `${format.padEnd(8)} ${String(size).padStart(2)} MB: CPU ${cpu.toFixed(0)} ms per run, wall median ` +
        `${median(sample.wall).toFixed(0)} ms, ${rate.toFixed(1)} MB/s, ${sample.claims} claims; ` +
        `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}, heap high-water ${mb(heapHighWater)}  ` +
        `${verdict(ok)} (≥ ${MIN_MB_PER_SECOND} MB/s)`,
    );
  }
  const growth = mean(sizes[1]?.sample.cpu ?? []) / mean(sizes[0]?.sample.cpu ?? []);
  const ok = growth <= MAX_GROWTH;
  failed ||= !ok;
  console.log(
    `${format.padEnd(8)} growth time(10 MB)/time(1 MB) = ${growth.toFixed(2)}  ${verdict(ok)} (≤ ${MAX_GROWTH})`,
  );
}
process.exit(failed ? 1 : 0);
