/** How an invoice's status reads, in the lists, their filter and the invoice's page. */
export const invoiceStatusLabels = { draft: 'Preparing', issued: 'Issued', sent: 'Sent' } as const;
