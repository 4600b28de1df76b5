// tsc compiles the TypeScript; gulp copies what tsc does not: the node and credential icons,
// and the workflow templates, which ship inside the package under dist/.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/**/*.svg').pipe(dest('dist/icons'));
}

function copyNodeAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

function copyTemplates() {
	return src('workflows-templates/**/*.json', { allowEmpty: true }).pipe(dest('dist/workflows-templates'));
}

exports.build = parallel(copyIcons, copyNodeAssets, copyTemplates);
