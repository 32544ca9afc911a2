// The policy and the process protocol every server in this folder shares: the same options, the
// same routes, so the framework test can ask each one the same requests.
export const policyOptions = {
  origins: ['https://app.example.com', 'https://*.preview.example.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowedHeaders: ['Content-Type'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
};

/** Tells the test which port the server got; stops serving when the test goes away. */
export function reportPort(port) {
  process.send?.({ port });
  process.on('disconnect', () => process.exit(0));
}
