declare module 'subset-font' {
  /** Subsets a font to the glyphs of `text` (harfbuzz). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2' },
  ): Promise<Buffer>;
}
