import { catalogue } from '../../core/i18n/speak.js';

// What the walk's own sections of the incident file say in their header table: who wrote them
// and what their hash covers.
export const recordText = catalogue({
  en: {
    shaOf: 'the text below this table',
    walkSource: (version: string) => `the guided walk (spoolrescue ${version})`,
  },
  ja: {
    shaOf: 'この表の下の本文',
    walkSource: (version: string) => `ガイド付きの手順 (spoolrescue ${version})`,
  },
});
