// Public surface of the files module: the media library (images and PDFs for pages and emails).
export { filesRoutes } from './files.routes.js';
export { filesPublicRoutes } from './files.public-routes.js';
export { files } from './files.tables.js';
export { deleteFile, uploadFile, type TFileRow } from './files.service.js';
export { storedFile } from './files.wire.js';
