/** A file the graph returned in a payload (exportReport, exportAuditEvents): its bytes base64-encoded. */
export interface ExportedFile {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/** The bytes of a base64 string (the exports' encoding). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The file as a Blob of its own media type — never rendered, only saved. */
export function fileToBlob(file: ExportedFile): Blob {
  return new Blob([base64ToBytes(file.contentBase64)], { type: file.contentType });
}

/**
 * Has the browser save the file under its name: a temporary object URL clicked as a download link. The file came
 * through the router under the user's token, so there is no second URL that could leak.
 */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(fileToBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
