import { SYSTEM_ACTOR } from '../auth/actor';
import type { Db } from '../db/database';
import { getCertificateTemplate, saveCertificateTemplate } from '../ocop/certificates';
import { FIRST_2020_DECISION } from './demo-products';

/**
 * The demo's certificates follow the decisions they cite. The 2020 decisions are signed like the plan (KT. Chủ
 * tịch, Phó Chủ tịch Nguyễn Đức Quyền). Who signed QĐ 5445/QĐ-UBND of 2019 is not recorded here: its line
 * stays for the clerk to fill, which is what the template shows the organizer.
 */
export async function seedDemoCertificates(db: Db, eventId: string): Promise<void> {
  const template = await getCertificateTemplate(db, eventId);
  const planSigner = {
    signerAuthority: template.signerAuthority,
    signerTitle: template.signerTitle,
    signerName: template.signerName,
  };
  await saveCertificateTemplate(db, SYSTEM_ACTOR, eventId, {
    ...template,
    decisions: [
      {
        number: '5445/QĐ-UBND',
        signerAuthority: 'KT. CHỦ TỊCH',
        signerTitle: 'PHÓ CHỦ TỊCH',
        signerName: null,
      },
      { number: FIRST_2020_DECISION.number, ...planSigner },
      { number: '4612/QĐ-UBND', ...planSigner },
    ],
  });
}
