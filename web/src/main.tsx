import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import './styles.css';

const root = document.getElementById('app') as HTMLElement;

loadConfig().then(
  (config) => render(<App config={config} />, root),
  () => {
    root.textContent = '无法加载配置（config.json）。Could not load the configuration (config.json).';
  },
);
