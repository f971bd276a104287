/**
 * Noto Sans SC (SIL Open Font License), its simplified-Chinese subset: it also holds every printable
 * ASCII character, so one font draws the whole document. Paths are relative to the repository root, so
 * the Lambda bundling can copy them into a `fonts/` directory beside the bundle.
 */
export const DOCUMENT_FONT_FILES = [
  'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
] as const;
