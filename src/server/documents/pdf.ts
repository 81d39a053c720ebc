import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONTS = {
  serif: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  'serif-bold': require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  'serif-italic': require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  // "Nơi nhận:" (ND 30/2020) is bold italic: the face is embedded so the PDF says it as the DOCX does.
  'serif-bold-italic': require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};

/**
 * A PDF with Tinos (Times New Roman's metric twin, every Vietnamese glyph) embedded as serif, serif-bold,
 * serif-italic and serif-bold-italic. `draw` adds the pages; text must be NFC, which `vi()` gives.
 */
export async function renderPdf(
  draw: (doc: PDFKit.PDFDocument) => void | Promise<void>,
  title: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    info: { Title: title, Creator: 'hoinghi' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  await draw(doc);
  doc.end();
  return done;
}

export const vi = (text: string) => text.normalize('NFC');
