/**
 * Offers a text to the reader as a file, from an extension page, through a
 * blob link: nothing goes over the network and no downloads permission is
 * needed.
 */
export function offerDownload(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the time this runs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
