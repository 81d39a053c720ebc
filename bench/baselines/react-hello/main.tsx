// Baseline: the smallest React 19 page, built by the same Vite — what any React route costs before its own code.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Xin chào</p>);
