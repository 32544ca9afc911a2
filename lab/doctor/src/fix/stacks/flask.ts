import { quotedList, type Requirement } from '../requirement.js';

/** Flask with flask_cors. */
export function flaskFix(need: Requirement): string {
  const args = [
    `origins=[${quotedList([need.origin], '"')}]`,
    ...(need.methods.length > 0
      ? [`methods=[${quotedList(['GET', 'HEAD', 'POST', 'OPTIONS', ...need.methods], '"')}]`]
      : []),
    ...(need.headers.length > 0 ? [`allow_headers=[${quotedList(need.headers, '"')}]`] : []),
    ...(need.credentials ? ['supports_credentials=True'] : []),
  ];
  return [
    'from flask_cors import CORS',
    '',
    '# flask_cors answers OPTIONS itself; keep auth decorators from answering it first.',
    `CORS(app, ${args.join(', ')})`,
  ].join('\n');
}
