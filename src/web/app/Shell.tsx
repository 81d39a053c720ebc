import { Anchor, AppShell, Burger, Button, Group, Menu, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { abilities, useLogout, useMe } from '../features/auth/api/auth';
import { LanguageSwitch } from '../features/auth/components/LanguageSwitch';
import { PageLoader } from './guards';

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe().data;
  const can = abilities(me);
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const links = [
    { to: '/', label: t('nav.events'), active: pathname === '/' || pathname.startsWith('/events') },
    { to: '/products', label: t('nav.products'), active: pathname.startsWith('/products') },
    { to: '/units', label: t('nav.units'), active: pathname.startsWith('/units') },
    ...(can.isAdmin
      ? [
          { to: '/admin/users', label: t('nav.users'), active: pathname.startsWith('/admin/users') },
          { to: '/admin/protocol', label: t('protocol.nav'), active: pathname.startsWith('/admin/protocol') },
          {
            to: '/admin/settings',
            label: t('letters.settingsNav'),
            active: pathname.startsWith('/admin/settings'),
          },
        ]
      : []),
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4" style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Title>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="subtle" size="compact-sm" maw={180}>
                  <Text size="sm" truncate>
                    {me?.fullName}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.username}</Menu.Label>
                <Menu.Item component={Link} to="/account/password">
                  {t('nav.password')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <nav aria-label={t('nav.menu')}>
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              active={link.active}
              onClick={close}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
