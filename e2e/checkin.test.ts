import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinSnapshot } from '../src/shared/checkin';
import { foldVietnamese } from '../src/shared/text';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('the reception desk on a phone', { timeout: JOURNEY_TIMEOUT }, () => {
  it('checks someone in by name, keeps three check-ins while offline, and syncs them to the room screen', async () => {
    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await signIn(phone, run.baseUrl, 'letan');
    const events = (await (await phone.request.get(`${run.baseUrl}/api/events`)).json()) as { id: string }[];
    const eventId = events[0]!.id;
    const snapshot = (await (
      await phone.request.get(`${run.baseUrl}/api/events/${eventId}/checkin-snapshot`)
    ).json()) as CheckinSnapshot;
    // Four people still expected, with names that a two-word search finds alone.
    const names = snapshot.delegates.map((d) => foldVietnamese(d.fullName));
    const waiting = snapshot.delegates.filter(
      (d, i) =>
        ['invited', 'confirmed'].includes(d.status) && names.filter((n) => n === names[i]).length === 1,
    );
    const [first, ...offline] = waiting.slice(0, 4);

    // The projector, on another machine that stays online.
    const screen = await (await run.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await signIn(screen, run.baseUrl, 'lanhdao');
    await screen.goto(`${run.baseUrl}/checkin/${eventId}/room`);
    const total = screen.getByTestId('room-total');
    await total.waitFor();
    const arrived = async () => Number((await total.locator('span').textContent()) ?? 'NaN');
    const before = await arrived();
    await expectAccessible(screen, 'the room screen');

    await phone.goto(`${run.baseUrl}/checkin/${eventId}`);
    const search = phone.getByRole('searchbox');
    const checkIn = async (fullName: string) => {
      await search.fill(foldVietnamese(fullName));
      await phone.getByRole('button', { name: new RegExp(`^${fullName}`) }).click();
      const card = phone.getByRole('region', { name: fullName });
      await card.getByRole('button', { name: 'Điểm danh', exact: true }).click();
      await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Đã đến lúc \d\d:\d\d/);
      return card;
    };
    const card = await checkIn(first!.fullName);
    expect(await card.textContent()).toContain(first!.seat ?? 'Tự do');
    await card.getByRole('button', { name: 'Đã nhận tài liệu' }).click();
    await card.getByText('✓ Đã nhận tài liệu').waitFor();
    await expectAccessible(phone, "the reception desk with a delegate's card");
    await expect.poll(arrived, { timeout: 5000 }).toBe(before + 1);

    await context.setOffline(true);
    await phone.getByText(/^Mất mạng/).waitFor();
    for (const person of offline) {
      const offlineCard = await checkIn(person.fullName);
      await offlineCard.getByText('Đã ghi trên máy, sẽ gửi khi có mạng').waitFor();
    }
    await expect.poll(() => phone.getByTestId('queue').textContent()).toBe('3 lượt chờ gửi');
    await expectAccessible(phone, 'the reception desk offline, with scans waiting');
    // Nothing reached the server while offline.
    await phone.waitForTimeout(500);
    expect(await arrived()).toBe(before + 1);

    await context.setOffline(false);
    await expect.poll(() => phone.getByTestId('queue').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    await expect.poll(arrived, { timeout: 5000 }).toBe(before + 4);
    const room = (await (await screen.request.get(`${run.baseUrl}/api/events/${eventId}/room`)).json()) as {
      arrived: number;
    };
    expect(room.arrived).toBe(before + 4);
    await context.close();
  });
});
