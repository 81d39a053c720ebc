import { canEditEvent, canViewEvent } from '../events/events.policy';

/** Everyone in the event follows the signings (a unit officer their own producers'); organizers keep them. */
export const canViewAgreements = canViewEvent;
export const canEditAgreements = canEditEvent;

/** The signing list and the scans carry every signatory's name: organizers print and read them. */
export const canPrintSigningList = canEditEvent;
export const canReadScans = canEditEvent;
