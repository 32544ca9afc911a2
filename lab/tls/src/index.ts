export { AUTHORITY_NAME } from './authority.js';
export {
  LAB_TLS_HOSTS,
  defaultCertsDir,
  ensureCertificates,
  type EnsureOptions,
  type LabCertificates,
} from './certificates.js';
