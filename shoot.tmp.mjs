import { chromium } from 'playwright-core';
const [,, user, path, out, width = '1366', extra = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto('http://localhost:3100/login');
await page.getByLabel(/Tên đăng nhập/).fill(user);
await page.getByLabel(/Mật khẩu/).fill('hoinghi2020');
await page.getByRole('button', { name: /Đăng nhập/ }).click();
await page.waitForURL('http://localhost:3100/');
await page.goto('http://localhost:3100' + path);
await page.waitForTimeout(2500);
if (extra) { await eval(extra); await page.waitForTimeout(1200); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
