/** The dependency checker's pieces, for tests and tools (dist/engine.js exports them as `deps`). */
export { compareMaven, parseMavenVersion } from './versions/mavenVersion';
export { schemeFor } from './versions/schemes';
export { cvss3BaseScore, cvss2BaseScore, severityForScore, severityForLabel } from './cvss';
export { isAffected, fixedVersions, nearestFix } from './affected';
export { advisoriesOfRecord } from './osvRecord';
export { IndexWriter, EcosystemIndex, readMeta } from './advisoryIndex';
export { importZip, ImportError } from './advisoryImport';
export { AdvisoryStore, defaultAdvisoryFolder, ageInDays } from './advisoryStore';
export { download, DownloadError } from './download';
export { manifestKind } from './manifests';
export { OsvDependencyScanner, manifestCompanions } from './scanner';
export { matchDependencies } from './matcher';
export { preferManifests } from './reportMerge';
export { ECOSYSTEMS, packageKey } from './ecosystem';
