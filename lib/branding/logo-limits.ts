/**
 * The logo size limit and its message, apart from the zod schemas so that the upload form can check a file in
 * the browser (before sending it) without bundling zod.
 */
export const maxLogoBytes = 512 * 1024;

export function logoTooLargeMessage(size: number): string {
  return `The logo must be at most ${maxLogoBytes / 1024} KB (this one is ${Math.ceil(size / 1024)} KB).`;
}
