/**
 * The pixel size of a PNG or JPEG, read from its header (no decoding): a logo is refused before
 * any program has to open it (a 30000×30000 PNG is a few kB and needs gigabytes once drawn).
 */
export const LOGO_MAX_SIDE = 4096;
export const LOGO_MAX_PIXELS = 16_000_000;

export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const u32 = (i: number) => ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
  // PNG: signature, then the IHDR chunk (width and height, 4 bytes each).
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && u32(12) === 0x49484452)
    return { width: u32(16), height: u32(20) };
  // JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT/JPG/DAC).
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: u16(i + 7), height: u16(i + 5) };
      i += 2 + u16(i + 2);
    }
  }
  return null;
}

/** Why a logo (a data: URL) cannot be used, in Bahasa Indonesia; null when it fits. */
export function logoProblem(dataUrl: string): string | null {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return 'Logo tidak dapat dibaca (data base64 rusak).';
  }
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return 'Logo bukan gambar PNG atau JPEG yang dapat dibaca. Simpan ulang gambarnya sebagai PNG.';
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE || size.width * size.height > LOGO_MAX_PIXELS)
    return `Logo ${size.width}×${size.height} piksel terlalu besar (paling besar ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE} piksel). Perkecil gambarnya, misalnya menjadi 600×600 piksel.`;
  return null;
}
