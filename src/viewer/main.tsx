import { render } from 'preact';
import { Viewer } from './Viewer';

render(<Viewer />, document.getElementById('root')!);
