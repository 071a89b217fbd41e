import { Badge, type BadgeTone } from '@/components/ui/badge';
import { categoryLabels, priorityLabels, statusLabels, type TicketCategory, type TicketPriority, type TicketStatus } from '@/lib/support/labels';

const statusTones: Record<TicketStatus, BadgeTone> = { new: 'info', open: 'info', pending: 'warning', on_hold: 'neutral', solved: 'success', closed: 'neutral' };
const priorityTones: Record<TicketPriority, BadgeTone> = { low: 'neutral', normal: 'neutral', high: 'warning', urgent: 'danger' };

export const StatusBadge = ({ status }: { status: TicketStatus }) => <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
export const PriorityBadge = ({ priority }: { priority: TicketPriority }) => <Badge tone={priorityTones[priority]}>{priorityLabels[priority]}</Badge>;
export const CategoryBadge = ({ category }: { category: TicketCategory }) => <Badge>{categoryLabels[category]}</Badge>;
export const BreachBadge = () => <Badge tone="danger">SLA missed</Badge>;
