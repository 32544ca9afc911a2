import { quotedList, type Requirement } from '../requirement.js';

/** Express with the `cors` package. */
export function corsPackageFix(need: Requirement): string {
  const options = [
    `  origin: [${quotedList([need.origin])}],`,
    ...(need.methods.length > 0
      ? [`  methods: [${quotedList(['GET', 'HEAD', 'POST', ...need.methods])}],`]
      : []),
    ...(need.headers.length > 0 ? [`  allowedHeaders: [${quotedList(need.headers)}],`] : []),
    ...(need.credentials ? ['  credentials: true,'] : []),
  ];
  return [
    '// Before any router or auth middleware, so preflights are answered first:',
    'app.use(cors({',
    ...options,
    '}));',
  ].join('\n');
}
